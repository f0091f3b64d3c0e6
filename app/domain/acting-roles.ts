/**
 * For whom a role acts on one inquiry — the one statement of the rule (DESIGN: "clerks act only for the lead
 * department"): a faction member acts only for the faction that submitted the inquiry, clerks and department
 * heads only for the lead department (Federführung); the other roles act body-wide. Used by the workflow's
 * available actions (./workflow), the lifecycle engine's role check and the notifications' audiences.
 */
import type { MembershipFact, Role } from "./policy";

/** Roles that act for one department: the lead department's work, its notifications. */
export const DEPARTMENT_ROLES: readonly Role[] = ["clerk", "department_head"];

export interface InquiryOwners {
  originatorOrganizationId: string | null;
  leadOrganizationId: string | null;
}

/** Whether a role counts, given whether its holder belongs to the originating faction and to the lead department. */
export function roleCounts(role: Role, holder: { inOriginatorFaction: boolean; inLeadDepartment: boolean }): boolean {
  if (role === "faction_member") return holder.inOriginatorFaction;
  if (DEPARTMENT_ROLES.includes(role)) return holder.inLeadDepartment;
  return true;
}

/** The user's roles in the body that count for this inquiry (or its answer), without duplicates. */
export function effectiveRoles(memberships: readonly MembershipFact[], bodyId: string, owners: InquiryOwners): Role[] {
  const counting = memberships.filter(
    (m) =>
      m.bodyId === bodyId &&
      roleCounts(m.role, {
        inOriginatorFaction:
          owners.originatorOrganizationId !== null && m.organizationId === owners.originatorOrganizationId,
        inLeadDepartment: owners.leadOrganizationId !== null && m.organizationId === owners.leadOrganizationId,
      }),
  );
  return [...new Set(counting.map((m) => m.role))];
}

/** Clerk or department head of the lead department. */
export function isLeadDepartmentStaff(
  memberships: readonly MembershipFact[],
  bodyId: string,
  leadOrganizationId: string | null,
): boolean {
  return effectiveRoles(memberships, bodyId, { originatorOrganizationId: null, leadOrganizationId }).some((r) =>
    DEPARTMENT_ROLES.includes(r),
  );
}

/** Member of the faction that submitted (or drafts) the inquiry. */
export function isOriginatorFactionMember(
  memberships: readonly MembershipFact[],
  bodyId: string,
  originatorOrganizationId: string | null,
): boolean {
  return effectiveRoles(memberships, bodyId, { originatorOrganizationId, leadOrganizationId: null }).includes(
    "faction_member",
  );
}
