/** People, departments and look-ups for the notification integration tests (on top of the seeded demo data). */
import { and, eq } from "drizzle-orm";
import {
  inquiries,
  memberships,
  notificationPreferences,
  notifications,
  organizations,
  outbox,
  users,
} from "../../db/schema";
import type { Db } from "../../app/server/core/db.server";
import { membershipFactsOf, type TransitionActor } from "../../app/server/core/transitions.server";

export async function userId(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

export async function actorOf(db: Db, email: string): Promise<TransitionActor> {
  const id = await userId(db, email);
  return { userId: id, memberships: await membershipFactsOf(db, id) };
}

export async function membershipOf(db: Db, email: string) {
  const [row] = await db
    .select({ bodyId: memberships.bodyId, organizationId: memberships.organizationId, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(users.email, email));
  if (!row) throw new Error(`no membership of ${email}`);
  return row;
}

export async function addDepartment(db: Db, bodyId: string, name: string): Promise<string> {
  const [row] = await db
    .insert(organizations)
    .values({ bodyId, kind: "department", name })
    .returning({ id: organizations.id });
  return row!.id;
}

/** A user with one role; `active: false` makes a deactivated account. */
export async function addUser(
  db: Db,
  input: {
    email: string;
    bodyId: string;
    organizationId: string;
    role: (typeof memberships.$inferInsert)["role"];
    active?: boolean;
  },
): Promise<string> {
  const active = input.active ?? true;
  const [user] = await db
    .insert(users)
    .values({
      email: input.email,
      displayName: input.email.split("@")[0]!,
      passwordHash: "not-a-login",
      active,
      deactivatedAt: active ? null : new Date(),
    })
    .returning({ id: users.id });
  await db
    .insert(memberships)
    .values({ userId: user!.id, bodyId: input.bodyId, organizationId: input.organizationId, role: input.role });
  return user!.id;
}

export async function setPreference(
  db: Db,
  userId: string,
  kind: string,
  pref: { inApp: boolean; email: boolean; dueSoonDays?: number },
) {
  const row = { inApp: pref.inApp, email: pref.email, dueSoonDays: pref.dueSoonDays ?? null };
  await db
    .insert(notificationPreferences)
    .values({ userId, kind, ...row })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: row });
}

export async function notificationsFor(db: Db, userId: string, inquiryId: string) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.inquiryId, inquiryId)))
    .orderBy(notifications.createdAt);
}

export async function kindsFor(db: Db, userId: string, inquiryId: string): Promise<string[]> {
  return (await notificationsFor(db, userId, inquiryId)).map((n) => n.kind).sort();
}

export async function mailsTo(db: Db, email: string) {
  return db.select().from(outbox).where(eq(outbox.recipient, email)).orderBy(outbox.id);
}

export async function inquiryByTitle(db: Db, title: string) {
  const [row] = await db.select().from(inquiries).where(eq(inquiries.title, title));
  if (!row) throw new Error(`no inquiry ${title}`);
  return row;
}
