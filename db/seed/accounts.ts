/**
 * Demo accounts: fictional role accounts, one per role and body, none of them a person from the documents.
 * Organisations a role needs that the documents do not name are created with "(Demo)" in their name.
 * All accounts share one password; none has a second factor yet (MFA enrolment comes with the accounts
 * feature, and staff accounts will then be asked to enrol).
 */
// The seed hashes through the server's own hashPassword on purpose: a second copy of the argon2id parameters
// here could drift from what sign-in verifies (DESIGN.md §5: demo data is built through the server code).
import { hashPassword } from "../../app/server/accounts/passwords.server";
import { and, eq } from "drizzle-orm";
import { memberships, organizations, users } from "../schema/index";
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

/**
 * Where a signer's membership is: the lead (answering) department, the executive, or an organisation by name
 * (the body's own when it has one of that name, else created with `kind`).
 */
type SignerOrganization = "lead" | "executive" | { kind: OrganizationKind; name: string };

/**
 * Signers of the steps of a body's configured sign-off chain that the role accounts above do not cover (they
 * cover the clerk's and the mayor's steps, the whole default chain of the bodies without a template). The
 * chain decides by role and organisation (app/domain/sign-off.ts, maySignStep): clerks and department heads
 * sign only in the lead department, the other roles anywhere in the body. Norderstedt's Mitteilungsvorlage
 * form (db/seed/norderstedt.ts) has two department-head steps (Fachbereichsleiter/in, Amtsleiter/in), the
 * co-signing Amt 11 (only for unplanned expenditure; the form names the office) and the
 * Stadtrat/Stadträtin (Dezernent/in). Norderstedt's contributing Amt 17 gets a clerk, so that a contribution
 * can be requested and delivered with the demo logins. Listed after the body's other accounts.
 */
const signerAccounts: ReadonlyArray<{
  slug: string;
  local: string;
  label: string;
  role: MembershipRole;
  organization: SignerOrganization;
}> = [
  {
    slug: "norderstedt",
    local: "fachbereichsleitung",
    label: "Fachbereichsleitung",
    role: "department_head",
    organization: "lead",
  },
  { slug: "norderstedt", local: "amtsleitung", label: "Amtsleitung", role: "department_head", organization: "lead" },
  {
    slug: "norderstedt",
    local: "mitzeichnung",
    label: "Mitzeichnung (Amt 11)",
    role: "co_signer",
    organization: { kind: "department", name: "Amt 11" },
  },
  {
    slug: "norderstedt",
    local: "dezernat",
    label: "Dezernent/in (Stadtrat/Stadträtin)",
    role: "councillor",
    organization: { kind: "executive", name: "Dezernat (Demo)" },
  },
  {
    slug: "norderstedt",
    local: "zulieferung",
    label: "Sachbearbeitung Amt 17 (beteiligtes Amt)",
    role: "clerk",
    organization: { kind: "department", name: "Amt 17" },
  },
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
    ...signerAccounts
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
  /** User ids of the further signers of the body's sign-off chain, by e-mail local part (e.g. "amtsleitung"). */
  signers: Record<string, string>;
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
    const signers: Record<string, string> = {};
    const signerOrganizations: Record<string, string> = {};
    for (const m of signerAccounts.filter((x) => x.slug === b.slug)) {
      const passwordHash = passwordHashes[hashIndex++];
      if (!passwordHash) throw new Error("a password hash is missing for the demo accounts");
      let organizationId: string;
      if (m.organization === "lead") organizationId = organizationFor.clerk;
      else if (m.organization === "executive") organizationId = anchor.executiveId;
      else {
        const { kind, name } = m.organization;
        const [existing] = await tx
          .select({ id: organizations.id })
          .from(organizations)
          .where(and(eq(organizations.bodyId, anchor.bodyId), eq(organizations.name, name)));
        signerOrganizations[name] ??=
          existing?.id ?? (await insertOrganizations(tx, anchor.bodyId, { org: { kind, name } })).org;
        organizationId = signerOrganizations[name]!;
      }
      const user = first(
        await tx
          .insert(users)
          .values({ email: emailOf(m.local, b.slug), displayName: `Demo ${m.label} (${b.shortName})`, passwordHash })
          .returning({ id: users.id }),
      );
      await tx.insert(memberships).values({ userId: user.id, bodyId: anchor.bodyId, organizationId, role: m.role });
      signers[m.local] = user.id;
    }
    result[b.slug] = { users: ids, furtherFactionMembers: further, organizations: organizationFor, signers };
  }
  return result;
}
