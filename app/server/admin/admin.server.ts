/**
 * Body administration: the users of one body and their roles, deactivation, resetting the second factor, and
 * the body's audit log (audit-log.server.ts; invitations: accounts/invitations.server.ts). Every function takes the acting user and checks the body-admin policy
 * itself (routes check it too); anything outside the admin's body answers 404. Every change writes its
 * audit event in the same transaction, and every privilege change ends the target's sessions.
 */
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { memberships, organizations, recoveryCodes, userTokens, users } from "../../../db/schema";
import { assignableRoles, isRole, mayApplyAdminChange, mayManageAccount, type Role } from "../../domain/policy";
import type { AccountEvent } from "../../domain/events";
import { getDb, type Db, type Tx } from "../core/db.server";
import { NotFound } from "../core/errors.server";
import { invalidateAllSessions } from "../accounts/sessions.server";
import { usableToken } from "../accounts/accounts.server";
import { AdminRefusal, adminBody, dateTimeText, targetUser, writeEvent, type Actor } from "./access.server";

// The body-administration entry point for routes and accounts/invitations: its parts re-exported here.
export { AdminRefusal, adminBody, dateTimeText, writeEvent, type Actor } from "./access.server";
export { AUDIT_PAGE_SIZE, loadAuditLog } from "./audit-log.server";
/** Kept for callers that import them from here; they live in core/errors.server.ts. */
export { NotFound, notFoundResponse, orNotFound } from "../core/errors.server";

// ---- overview ------------------------------------------------------------------------------------------

/** A membership as the user page lists it (joined with its organisation). */
const membershipColumns = {
  id: memberships.id,
  role: memberships.role,
  organizationId: organizations.id,
  organizationName: organizations.name,
};

/** The body's organisations, by name, as the admin pages list and offer them. */
function bodyOrganizations(db: Db, bodyId: string) {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      external: organizations.external,
    })
    .from(organizations)
    .where(eq(organizations.bodyId, bodyId))
    .orderBy(asc(organizations.name));
}

export async function loadBodyAdministration(actor: Actor, slug: string, now = new Date()) {
  const db = await getDb();
  const body = await adminBody(db, actor, slug);
  const orgs = await bodyOrganizations(db, body.id);
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      active: users.active,
      mfa: sql<boolean>`${users.totpEnabledAt} is not null`,
      membershipId: memberships.id,
      role: memberships.role,
      organizationName: organizations.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.bodyId, body.id))
    .orderBy(asc(users.displayName), asc(organizations.name));
  const byUser = new Map<
    string,
    {
      id: string;
      email: string;
      displayName: string;
      active: boolean;
      mfa: boolean;
      roles: Array<{ role: Role; organizationName: string }>;
    }
  >();
  for (const r of rows) {
    const entry = byUser.get(r.userId) ?? {
      id: r.userId,
      email: r.email,
      displayName: r.displayName,
      active: r.active,
      mfa: Boolean(r.mfa),
      roles: [],
    };
    entry.roles.push({ role: r.role as Role, organizationName: r.organizationName });
    byUser.set(r.userId, entry);
  }
  const invitations = await db
    .select({
      id: userTokens.id,
      email: userTokens.email,
      grant: userTokens.grant,
      createdAt: userTokens.createdAt,
      expiresAt: userTokens.expiresAt,
    })
    .from(userTokens)
    .where(and(usableToken("invitation", now), eq(userTokens.bodyId, body.id)))
    .orderBy(desc(userTokens.createdAt));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return {
    body: { id: body.id, slug: body.slug, name: body.name },
    organizations: orgs.map((o) => ({ ...o, assignableRoles: [...assignableRoles(o.kind, o.external)] })),
    users: [...byUser.values()],
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: (i.grant?.role ?? "") as Role,
      organizationName: orgName.get(i.grant?.organizationId ?? "") ?? "",
      createdAt: dateTimeText(i.createdAt, body.timeZone),
      expiresAt: dateTimeText(i.expiresAt, body.timeZone),
    })),
  };
}

// ---- roles ---------------------------------------------------------------------------------------------

/** The organisation must belong to the body and the role must fit it; bodyId comes from the URL only. */
export async function checkGrant(db: Db | Tx, bodyId: string, organizationId: string, role: string) {
  if (!/^[0-9a-f-]{36}$/i.test(organizationId)) throw new AdminRefusal("chooseOrganization", "organizationId");
  const [org] = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), eq(organizations.bodyId, bodyId)))
    .limit(1);
  if (!org) throw new AdminRefusal("chooseOrganization", "organizationId");
  if (!isRole(role) || !assignableRoles(org.kind, org.external).includes(role)) {
    throw new AdminRefusal("roleNotInOrganization", "role");
  }
  return { org, role: role as Role };
}

export async function loadUserAdministration(actor: Actor, slug: string, userId: string) {
  const db = await getDb();
  const body = await adminBody(db, actor, slug);
  const { user, facts } = await targetUser(db, body.id, userId);
  const rows = await db
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, user.id), eq(memberships.bodyId, body.id)))
    .orderBy(asc(organizations.name), asc(memberships.role));
  const orgs = await bodyOrganizations(db, body.id);
  return {
    body: { id: body.id, slug: body.slug, name: body.name },
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      active: user.active,
      deactivatedAt: user.deactivatedAt ? dateTimeText(user.deactivatedAt, body.timeZone) : null,
      mfa: user.totpEnabledAt !== null,
      isSelf: user.id === actor.id,
      /** Account-wide changes need admin rights in every body the account works in. */
      manageable: mayManageAccount(actor.memberships, facts, body.id),
    },
    memberships: rows.map((r) => ({ ...r, role: r.role as Role })),
    organizations: orgs.map((o) => ({ ...o, assignableRoles: [...assignableRoles(o.kind, o.external)] })),
  };
}

export async function grantRole(
  actor: Actor,
  slug: string,
  userId: string,
  input: { organizationId: string; role: string },
) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const body = await adminBody(tx, actor, slug);
    const { user } = await targetUser(tx, body.id, userId);
    const { org, role } = await checkGrant(tx, body.id, input.organizationId, input.role);
    const inserted = await tx
      .insert(memberships)
      .values({ userId: user.id, bodyId: body.id, organizationId: org.id, role })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (inserted.length === 0) throw new AdminRefusal("alreadyMember", "role");
    await writeEvent(tx, {
      bodyId: body.id,
      aggregateType: "user",
      aggregateId: user.id,
      type: "role_granted",
      actorUserId: actor.id,
      payload: { membershipId: inserted[0]!.id, organizationId: org.id, organizationName: org.name, role },
    });
    // A privilege change rotates: the target signs in again and gets a fresh session.
    await invalidateAllSessions(tx, user.id);
  });
}

export async function revokeRole(actor: Actor, slug: string, userId: string, membershipId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const body = await adminBody(tx, actor, slug);
    const { user } = await targetUser(tx, body.id, userId);
    if (!/^[0-9a-f-]{36}$/i.test(membershipId)) throw new NotFound();
    const [membership] = await tx
      .select(membershipColumns)
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(and(eq(memberships.id, membershipId), eq(memberships.userId, user.id), eq(memberships.bodyId, body.id)))
      .limit(1);
    if (!membership) throw new NotFound();
    const role = membership.role as Role;
    let adminsAfter = 0;
    if (role === "body_admin") {
      const [row] = await tx
        .select({ n: count() })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.bodyId, body.id), eq(memberships.role, "body_admin"), eq(users.active, true)));
      adminsAfter = Number(row?.n ?? 0) - 1;
    }
    if (!mayApplyAdminChange("revoke_role", actor.id, user.id, { revokedRole: role, adminsAfter })) {
      throw new AdminRefusal(actor.id === user.id ? "notOnSelf" : "lastAdmin");
    }
    await tx.delete(memberships).where(eq(memberships.id, membership.id));
    await writeEvent(tx, {
      bodyId: body.id,
      aggregateType: "user",
      aggregateId: user.id,
      type: "role_revoked",
      actorUserId: actor.id,
      payload: {
        membershipId: membership.id,
        organizationId: membership.organizationId,
        organizationName: membership.organizationName,
        role,
      },
    });
    await invalidateAllSessions(tx, user.id);
  });
}

// ---- account-wide changes ------------------------------------------------------------------------------

async function accountChange(
  actor: Actor,
  slug: string,
  userId: string,
  change: "deactivate" | "reactivate" | "reset_mfa",
  now = new Date(),
) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const body = await adminBody(tx, actor, slug);
    const { user, facts } = await targetUser(tx, body.id, userId);
    if (change !== "reactivate" && !mayApplyAdminChange(change, actor.id, user.id)) throw new AdminRefusal("notOnSelf");
    if (!mayManageAccount(actor.memberships, facts, body.id)) throw new AdminRefusal("otherBodies");
    let type: AccountEvent;
    if (change === "deactivate") {
      if (!user.active) throw new AdminRefusal("alreadyInactive");
      await tx.update(users).set({ active: false, deactivatedAt: now }).where(eq(users.id, user.id));
      type = "user_deactivated";
    } else if (change === "reactivate") {
      if (user.active) throw new AdminRefusal("alreadyActive");
      await tx.update(users).set({ active: true, deactivatedAt: null }).where(eq(users.id, user.id));
      type = "user_reactivated";
    } else {
      if (user.totpSecret === null && user.totpEnabledAt === null) throw new AdminRefusal("mfaNotSet");
      await tx
        .update(users)
        .set({ totpSecret: null, totpEnabledAt: null, totpLastUsedStep: null })
        .where(eq(users.id, user.id));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
      type = "mfa_reset";
    }
    await writeEvent(tx, {
      bodyId: body.id,
      aggregateType: "user",
      aggregateId: user.id,
      type,
      actorUserId: actor.id,
      payload: {},
    });
    // Deactivation and an MFA reset end every session at once, not at the next request's check.
    if (change !== "reactivate") await invalidateAllSessions(tx, user.id);
  });
}

export const deactivateUser = (actor: Actor, slug: string, userId: string, now?: Date) =>
  accountChange(actor, slug, userId, "deactivate", now);
export const reactivateUser = (actor: Actor, slug: string, userId: string) =>
  accountChange(actor, slug, userId, "reactivate");
export const resetSecondFactor = (actor: Actor, slug: string, userId: string) =>
  accountChange(actor, slug, userId, "reset_mfa");
