/**
 * Which of a body's organisations answer an inquiry (lead or contribute): its departments (Ämter,
 * Fachbereiche, Ministerien). A body without departments (a small Samtgemeinde) answers through its executive.
 * The DPO's office is never among them — it is consulted (Consultation), not asked to answer; councils,
 * committees, factions, the council office, subordinate authorities ("other") and external bodies neither.
 */
export type OrganizationKindName =
  | "council"
  | "committee"
  | "faction"
  | "department"
  | "council_office"
  | "dpo_office"
  | "executive"
  | "supervisory_authority"
  | "other";

export function answeringOrganizationsOf<T extends { kind: OrganizationKindName; external?: boolean }>(
  orgs: readonly T[],
): T[] {
  const own = orgs.filter((o) => !o.external);
  const departments = own.filter((o) => o.kind === "department");
  return departments.length > 0 ? departments : own.filter((o) => o.kind === "executive");
}
