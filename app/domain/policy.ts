/**
 * Who may see what — pure and shared by loaders and server commands.
 * Staff roles see every submitted inquiry of their own body; faction members see their own faction's
 * inquiries including drafts; everyone sees what is published.
 */
export type Role =
  | "faction_member"
  | "council_office"
  | "clerk"
  | "department_head"
  | "co_signer"
  | "councillor"
  | "mayor"
  | "dpo"
  | "body_admin";

export interface MembershipFact {
  bodyId: string;
  organizationId: string;
  role: Role;
}

export const STAFF_ROLES: readonly Role[] = [
  "council_office",
  "clerk",
  "department_head",
  "co_signer",
  "councillor",
  "mayor",
  "dpo",
  "body_admin",
];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

/** Roles that must use a second factor (enforced from the accounts issue on). */
export function requiresSecondFactor(memberships: readonly MembershipFact[]): boolean {
  return memberships.some((m) => isStaff(m.role));
}

export type InquiryScope =
  | { kind: "none" }
  | { kind: "body"; bodyId: string }
  | { kind: "factions"; bodyId: string; organizationIds: string[] };

/** What non-public inquiries of one body a user may see. */
export function inquiryScopeFor(memberships: readonly MembershipFact[], bodyId: string): InquiryScope {
  const inBody = memberships.filter((m) => m.bodyId === bodyId);
  if (inBody.some((m) => isStaff(m.role))) return { kind: "body", bodyId };
  const factions = inBody.filter((m) => m.role === "faction_member").map((m) => m.organizationId);
  if (factions.length > 0) return { kind: "factions", bodyId, organizationIds: [...new Set(factions)] };
  return { kind: "none" };
}

export interface InquiryVisibilityFacts {
  bodyId: string;
  visibility: "public" | "internal";
  status: string;
  originatorOrganizationId: string | null;
}

export function maySeeInquiry(memberships: readonly MembershipFact[], inquiry: InquiryVisibilityFacts): boolean {
  if (inquiry.visibility === "public" && inquiry.status !== "draft") return true;
  const scope = inquiryScopeFor(memberships, inquiry.bodyId);
  // A faction's draft is the faction's own political work: the administration sees it only once submitted.
  if (scope.kind === "body") return inquiry.status !== "draft";
  if (scope.kind === "factions") {
    return inquiry.originatorOrganizationId !== null && scope.organizationIds.includes(inquiry.originatorOrganizationId);
  }
  return false;
}
