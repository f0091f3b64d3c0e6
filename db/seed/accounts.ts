/**
 * Demo accounts: fictional role accounts, one per role and body, none of them a person from the documents.
 * Organisations a role needs that the documents do not name are created with "(Demo)" in their name.
 * All accounts share one password; none has a second factor yet (MFA enrolment comes with the accounts
 * feature, and staff accounts will then be asked to enrol).
 */
// The seed hashes through the server's own hashPassword on purpose: a second copy of the argon2id parameters
// here could drift from what sign-in verifies (DESIGN.md §5: demo data is built through the server code).
import { hashPassword } from "../../app/server/accounts/passwords.server";
import { memberships, users } from "../schema/index";
import { first, insertOrganizations, type BodyAnchor, type OrganizationKind, type Tx } from "./support";

export interface DemoLogin {
  role: string;
  body: string;
  email: string;
  password: string;
  mfa: boolean;
}

export const DEMO_PASSWORD = "Demo-Quaestio-2026";

type MembershipRole = (typeof memberships.$inferInsert)["role"];

/** The demo roles in the order they are listed (README, start-up output). */
const demoRoles = [
  { key: "faction", label: "Fraktion", local: "fraktion", role: "faction_member" },
  { key: "councilOffice", label: "Ratsbüro", local: "ratsbuero", role: "council_office" },
  { key: "clerk", label: "Sachbearbeitung", local: "sachbearbeitung", role: "clerk" },
  { key: "dpo", label: "Datenschutz", local: "datenschutz", role: "dpo" },
  { key: "executive", label: "Verwaltungsspitze", local: "verwaltungsspitze", role: "mayor" },
  { key: "admin", label: "Body-Admin", local: "admin", role: "body_admin" },
] as const satisfies ReadonlyArray<{ key: string; label: string; local: string; role: MembershipRole }>;

export type DemoRoleKey = (typeof demoRoles)[number]["key"];

/** The demo bodies in the order their accounts are listed. */
export const demoBodies = [
  { slug: "norderstedt", shortName: "Norderstedt", councilOffice: "Ratsbüro (Demo)" },
  { slug: "landtag-nrw", shortName: "Landtag NRW", councilOffice: "Landtagsverwaltung (Demo)" },
  { slug: "hamburg", shortName: "Hamburg", councilOffice: "Senatskanzlei – Geschäftsstelle (Demo)" },
  { slug: "scharnebeck", shortName: "Scharnebeck", councilOffice: "Ratsbüro (Demo)" },
] as const;

/**
 * Second members of a body's demo faction, so that co-authoring a draft can be tried with two logins. Listed
 * after the body's role accounts.
 */
const extraFactionMembers: ReadonlyArray<{ slug: string; local: string; label: string }> = [
  { slug: "norderstedt", local: "fraktion2", label: "Fraktion (zweites Mitglied)" },
];

const emailOf = (local: string, slug: string) => `${local}@${slug}.quaestio.example`;

/** One body's logins in their order: the role accounts, then the extra faction members. */
function loginsOf(b: (typeof demoBodies)[number]): DemoLogin[] {
  return [
    ...demoRoles.map((r) => ({
      role: r.label,
      body: b.shortName,
      email: emailOf(r.local, b.slug),
      password: DEMO_PASSWORD,
      mfa: false,
    })),
    ...extraFactionMembers
      .filter((m) => m.slug === b.slug)
      .map((m) => ({
        role: m.label,
        body: b.shortName,
        email: emailOf(m.local, b.slug),
        password: DEMO_PASSWORD,
        mfa: false,
      })),
  ];
}

/** The list of demo logins; the same whether or not this call inserted them. */
export function demoLogins(): DemoLogin[] {
  return demoBodies.flatMap(loginsOf);
}

/** argon2id hashes for every demo account, computed before the seeding transaction opens. */
export async function hashDemoPasswords(): Promise<string[]> {
  return Promise.all(demoLogins().map(() => hashPassword(DEMO_PASSWORD)));
}

export interface DemoAccounts {
  /** User id by role. */
  users: Record<DemoRoleKey, string>;
  /** User ids of the further members of the demo faction (co-authors). */
  furtherFactionMembers: string[];
  /** The organisation each role's membership is in. */
  organizations: Record<DemoRoleKey, string>;
}

/**
 * Creates the demo users and their memberships. Returns them by body slug.
 * `passwordHashes` are in the order of demoLogins().
 */
export async function seedAccounts(
  tx: Tx,
  anchors: BodyAnchor[],
  passwordHashes: string[],
): Promise<Record<string, DemoAccounts>> {
  const result: Record<string, DemoAccounts> = {};
  let hashIndex = 0;
  for (const b of demoBodies) {
    const anchor = anchors.find((a) => a.slug === b.slug);
    if (!anchor) throw new Error(`no seeded body ${b.slug} for the demo accounts`);

    // Organisations the documents do not name but a demo role needs.
    // The demo faction is always a fictional one: the fictional in-progress inquiries must not be
    // attributed to the real factions named in the documents.
    const needed: Record<string, { kind: OrganizationKind; name: string }> = {
      councilOffice: { kind: "council_office", name: b.councilOffice },
      faction: { kind: "faction", name: "Fraktion (Demo)" },
    };
    if (!anchor.answeringDepartmentId) needed.department = { kind: "department", name: "Verwaltung (Demo)" };
    if (!anchor.dpoOfficeId) needed.dpo = { kind: "dpo_office", name: "Behördlicher Datenschutzbeauftragter (Demo)" };
    const created = await insertOrganizations(tx, anchor.bodyId, needed);

    const organizationFor: Record<DemoRoleKey, string> = {
      faction: created.faction!,
      councilOffice: created.councilOffice!,
      clerk: anchor.answeringDepartmentId ?? created.department!,
      dpo: anchor.dpoOfficeId ?? created.dpo!,
      executive: anchor.executiveId,
      admin: created.councilOffice!,
    };

    const ids = {} as Record<DemoRoleKey, string>;
    for (const r of demoRoles) {
      const passwordHash = passwordHashes[hashIndex++];
      if (!passwordHash) throw new Error("a password hash is missing for the demo accounts");
      const user = first(
        await tx
          .insert(users)
          .values({ email: emailOf(r.local, b.slug), displayName: `Demo ${r.label} (${b.shortName})`, passwordHash })
          .returning({ id: users.id }),
      );
      await tx
        .insert(memberships)
        .values({ userId: user.id, bodyId: anchor.bodyId, organizationId: organizationFor[r.key], role: r.role });
      ids[r.key] = user.id;
    }
    const further: string[] = [];
    for (const m of extraFactionMembers.filter((x) => x.slug === b.slug)) {
      const passwordHash = passwordHashes[hashIndex++];
      if (!passwordHash) throw new Error("a password hash is missing for the demo accounts");
      const user = first(
        await tx
          .insert(users)
          .values({ email: emailOf(m.local, b.slug), displayName: `Demo ${m.label} (${b.shortName})`, passwordHash })
          .returning({ id: users.id }),
      );
      await tx
        .insert(memberships)
        .values({ userId: user.id, bodyId: anchor.bodyId, organizationId: created.faction!, role: "faction_member" });
      further.push(user.id);
    }
    result[b.slug] = { users: ids, furtherFactionMembers: further, organizations: organizationFor };
  }
  return result;
}
