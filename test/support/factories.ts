/**
 * Factories for the few rows a test needs, for tests that are not about the demo data: they run on an empty
 * migrated database (`useTestDatabase(backend)`) instead of a copy of the seeded one, and say in the test
 * what they depend on. Every value has a default; pass only what the test is about. Names and e-mail
 * addresses get a counter so that several calls in one database do not collide.
 */
import { bodies, memberships, organizations, users } from "../../db/schema";
import type { Db } from "../../app/server/core/db.server";

let counter = 0;
const next = () => ++counter;

type BodyRow = typeof bodies.$inferInsert;
type OrganizationRow = typeof organizations.$inferInsert;
type UserRow = typeof users.$inferInsert;
type Role = (typeof memberships.$inferInsert)["role"];

/** A body (Körperschaft); by default a municipality in Schleswig-Holstein. */
export async function createBody(db: Db, values: Partial<BodyRow> = {}) {
  const n = next();
  const [row] = await db
    .insert(bodies)
    .values({
      slug: `testkoerperschaft-${n}`,
      name: `Testkörperschaft ${n}`,
      shortName: `Test ${n}`,
      kind: "municipality",
      state: "SH",
      ...values,
    })
    .returning();
  return row!;
}

/** An organisation of `bodyId`; by default a department. */
export async function createOrganization(db: Db, bodyId: string, values: Partial<OrganizationRow> = {}) {
  const n = next();
  const [row] = await db
    .insert(organizations)
    .values({ bodyId, kind: "department", name: `Testamt ${n}`, ...values })
    .returning();
  return row!;
}

/**
 * A user who cannot sign in (no usable password hash) with one role in `organization`; `active: false`
 * makes a deactivated account.
 */
export async function createUser(
  db: Db,
  membership: { bodyId: string; organizationId: string; role: Role },
  values: Partial<UserRow> = {},
) {
  const n = next();
  const active = values.active ?? true;
  const [user] = await db
    .insert(users)
    .values({
      email: `person-${n}@test.quaestio.example`,
      displayName: `Testperson ${n}`,
      passwordHash: "not-a-login",
      deactivatedAt: active ? null : new Date(),
      ...values,
    })
    .returning();
  await db.insert(memberships).values({ userId: user!.id, ...membership });
  return user!;
}
