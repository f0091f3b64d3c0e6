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

// ---- body administration ------------------------------------------------------------------------------

export const ALL_ROLES: readonly Role[] = ["faction_member", ...STAFF_ROLES];

export function isRole(value: string): value is Role {
  return (ALL_ROLES as readonly string[]).includes(value);
}

/** True only for a body_admin of exactly that body. */
export function mayAdministerBody(memberships: readonly MembershipFact[], bodyId: string): boolean {
  return memberships.some((m) => m.bodyId === bodyId && m.role === "body_admin");
}

export type OrganizationKindFact =
  | "council"
  | "committee"
  | "faction"
  | "department"
  | "council_office"
  | "dpo_office"
  | "executive"
  | "supervisory_authority"
  | "other";

/**
 * Roles a body admin may grant in an organisation of this kind: a faction has only members, and an external
 * organisation (a supervisory authority) gets no accounts in the body's administration; staff roles belong
 * to the administration's own organisations.
 */
export function assignableRoles(kind: OrganizationKindFact, external = false): readonly Role[] {
  if (external || kind === "supervisory_authority") return [];
  if (kind === "faction") return ["faction_member"];
  return STAFF_ROLES;
}

/**
 * Account-wide changes (deactivate, reactivate, reset the second factor) affect every body the account works
 * in, so the admin must administer every body the target has a role in — and at least this one.
 */
export function mayManageAccount(
  actor: readonly MembershipFact[],
  target: readonly MembershipFact[],
  bodyId: string,
): boolean {
  if (!mayAdministerBody(actor, bodyId)) return false;
  return target.every((m) => mayAdministerBody(actor, m.bodyId));
}

export type AdminChange = "deactivate" | "reset_mfa" | "revoke_role";

/**
 * An admin must not lock the body out by accident: no deactivating or resetting one's own account, no removing
 * one's own body_admin role, and a body keeps at least one body_admin (`adminsAfter`: body_admins of the body
 * that would remain after the change).
 */
export function mayApplyAdminChange(
  change: AdminChange,
  actorUserId: string,
  targetUserId: string,
  facts: { revokedRole?: Role; adminsAfter?: number } = {},
): boolean {
  if (change === "revoke_role") {
    if (facts.revokedRole !== "body_admin") return true;
    return actorUserId !== targetUserId && (facts.adminsAfter ?? 0) > 0;
  }
  return actorUserId !== targetUserId;
}

/** The same question by the URL's body slug, for routes (before any database lookup). */
export function mayAdministerBodySlug(memberships: ReadonlyArray<MembershipFact & { bodySlug: string }>, slug: string): boolean {
  return memberships.some((m) => m.bodySlug === slug && m.role === "body_admin");
}
