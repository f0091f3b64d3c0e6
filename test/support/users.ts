/**
 * A signed-in user as the server functions see it (CurrentUser), read from the database by e-mail — for
 * integration tests that call server functions directly instead of going through a session.
 */
import { eq } from "drizzle-orm";
import { bodies, memberships, organizations, users } from "../../db/schema";
import type { CurrentUser } from "../../app/server/accounts/auth.server";
import type { Db } from "../../app/server/core/db.server";

export async function currentUserFor(db: Db, email: string): Promise<CurrentUser> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      bodyId: memberships.bodyId,
      organizationId: memberships.organizationId,
      role: memberships.role,
      bodySlug: bodies.slug,
      bodyName: bodies.name,
      bodyTimeZone: bodies.timeZone,
      organizationName: organizations.name,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(users.email, email));
  const first = rows[0];
  if (!first) throw new Error(`no user with a role for ${email}`);
  return {
    id: first.id,
    email: first.email,
    displayName: first.displayName,
    sessionId: "test",
    mfaVerified: true,
    totpEnabled: true,
    memberships: rows.map(({ bodyId, organizationId, role, bodySlug, bodyName, bodyTimeZone, organizationName }) => ({
      bodyId,
      organizationId,
      role,
      bodySlug,
      bodyName,
      bodyTimeZone,
      organizationName,
    })),
  };
}

/**
 * A new account like the demo account `like`: the same display name, password (its hash) and memberships, under
 * the e-mail `email` — for a test that changes an account (its second factor, its sessions) and must not depend
 * on what another test did to the demo account (issue 9). Returns the new user's id.
 */
export async function accountLike(db: Db, like: string, email: string): Promise<string> {
  const [model] = await db.select().from(users).where(eq(users.email, like));
  if (!model) throw new Error(`no demo account ${like}`);
  const [created] = await db
    .insert(users)
    .values({ email, displayName: model.displayName, passwordHash: model.passwordHash })
    .returning({ id: users.id });
  const roles = await db.select().from(memberships).where(eq(memberships.userId, model.id));
  for (const { bodyId, organizationId, role } of roles)
    await db.insert(memberships).values({ userId: created!.id, bodyId, organizationId, role });
  return created!.id;
}
