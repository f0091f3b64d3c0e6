/**
 * Who may see what — pure and shared by loaders and server commands.
 * Staff roles see every submitted inquiry of their own body; faction members see their own faction's
 * inquiries including drafts; everyone sees what is published.
 */
import type { OrganizationKindName } from "./organizations";

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

/**
 * Roles that see every submitted inquiry of their body: the council office runs intake and deadlines, the
 * body admin configures, the executive (mayor, councillor) signs off everything.
 */
export const BODY_WIDE_ROLES: readonly Role[] = ["council_office", "body_admin", "mayor", "councillor"];

export type InquiryScope =
  | { kind: "none" }
  | {
      kind: "body";
      bodyId: string;
      /**
       * Factions the user is also a member of: their drafts stay visible to a councillor or council office
       * member who sits in a faction too (a body-wide role sees no drafts by itself).
       */
      factionIds: string[];
    }
  | {
      kind: "scoped";
      bodyId: string;
      /** Factions whose inquiries (drafts included) the user sees. */
      factionIds: string[];
      /** Departments whose assigned inquiries (lead or contributing) the user sees. */
      departmentIds: string[];
      /** DPO offices whose consultations the user sees. */
      dpoOfficeIds: string[];
    };

/** What non-public inquiries of one body a user may see. */
export function inquiryScopeFor(memberships: readonly MembershipFact[], bodyId: string): InquiryScope {
  const inBody = memberships.filter((m) => m.bodyId === bodyId);
  const ids = (roles: Role[]) => [
    ...new Set(inBody.filter((m) => roles.includes(m.role)).map((m) => m.organizationId)),
  ];
  if (inBody.some((m) => BODY_WIDE_ROLES.includes(m.role)))
    return { kind: "body", bodyId, factionIds: ids(["faction_member"]) };
  const scope = {
    kind: "scoped" as const,
    bodyId,
    factionIds: ids(["faction_member"]),
    departmentIds: ids(["clerk", "department_head", "co_signer"]),
    dpoOfficeIds: ids(["dpo"]),
  };
  if (scope.factionIds.length + scope.departmentIds.length + scope.dpoOfficeIds.length === 0) return { kind: "none" };
  return scope;
}

export interface InquiryVisibilityFacts {
  bodyId: string;
  visibility: "public" | "internal";
  status: string;
  originatorOrganizationId: string | null;
  /**
   * Lead and contributing departments of the inquiry (inquiries.leadOrganizationId, inquiry_contributors) and
   * of its answer: a contributing department's staff see the inquiry like the lead department's.
   */
  responsibleOrganizationIds?: readonly string[];
  /** Offices consulted on the answer (e.g. the DPO office). */
  consultedOrganizationIds?: readonly string[];
}

const overlaps = (a: readonly string[], b: readonly string[] | undefined) => (b ?? []).some((id) => a.includes(id));

/**
 * May the user see the administration's non-public work on this inquiry (drafts of the answer, withheld
 * text, consultations)? Staff with the whole body in scope, the responsible departments, the consulted DPO.
 * A faction's draft is the faction's own political work: the administration sees nothing before submission.
 */
export function maySeeAdministrationWork(
  memberships: readonly MembershipFact[],
  inquiry: InquiryVisibilityFacts,
): boolean {
  if (inquiry.status === "draft") return false;
  const scope = inquiryScopeFor(memberships, inquiry.bodyId);
  if (scope.kind === "body") return true;
  if (scope.kind === "none") return false;
  const reach = scopeReach(scope);
  return (
    overlaps(reach.responsibleIds, inquiry.responsibleOrganizationIds) ||
    overlaps(reach.consultedIds, inquiry.consultedOrganizationIds)
  );
}

/**
 * Through which of the user's organisations a scoped user reaches a submitted inquiry — the ONE rule that the
 * access check (maySeeAdministrationWork) and the lists' SQL (inquiries/scope.server.ts scopeCondition) both
 * read. Any office of the user's staff roles that is made lead or contributor reaches the inquiry, the DPO office
 * included (a DPO added as contributor works on it like a department); a DPO office also reaches what it is
 * consulted on. A faction reaches its own inquiries, drafts included.
 */
export function scopeReach(scope: Extract<InquiryScope, { kind: "scoped" }>): {
  originatorIds: string[];
  responsibleIds: string[];
  consultedIds: string[];
} {
  return {
    originatorIds: scope.factionIds,
    responsibleIds: [...new Set([...scope.departmentIds, ...scope.dpoOfficeIds])],
    consultedIds: scope.dpoOfficeIds,
  };
}

export function maySeeInquiry(memberships: readonly MembershipFact[], inquiry: InquiryVisibilityFacts): boolean {
  if (inquiry.visibility === "public" && inquiry.status !== "draft") return true;
  if (maySeeAdministrationWork(memberships, inquiry)) return true;
  const scope = inquiryScopeFor(memberships, inquiry.bodyId);
  return (
    scope.kind !== "none" &&
    inquiry.originatorOrganizationId !== null &&
    scope.factionIds.includes(inquiry.originatorOrganizationId)
  );
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

/** The kinds of organisation a body has (one list, in organizations.ts). */
export type OrganizationKindFact = OrganizationKindName;

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
export function mayAdministerBodySlug(
  memberships: ReadonlyArray<MembershipFact & { bodySlug: string }>,
  slug: string,
): boolean {
  return memberships.some((m) => m.bodySlug === slug && m.role === "body_admin");
}
