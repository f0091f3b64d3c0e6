/**
 * Invitations by e-mail: a body admin invites someone into an organisation and role of the body; the mail goes
 * through the outbox in the same transaction as the `user_invited` event. The link carries a 256-bit token of
 * which only the SHA-256 is stored; it is valid for seven days and spent on first use. Accepting creates the
 * account (or, confirmed with its password, adds the role to an existing one).
 */
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { and, eq, isNull } from "drizzle-orm";
import { bodies, memberships, organizations, userTokens, users } from "../../../db/schema";
import { checkPassword, type PasswordProblem } from "../../domain/password-policy";
import { isRole, type Role } from "../../domain/policy";
import { invitationText } from "../../domain/texts/admin";
import { roleLabels } from "../../domain/texts/auth";
import { AdminRefusal, adminBody, checkGrant, writeEvent, type Actor } from "../admin/admin.server";
import { hashToken, usableToken } from "./accounts.server";
import { isCommonPassword } from "./common-passwords.server";
import { publicOrigin } from "../core/config.server";
import { getDb, type Db, type Tx } from "../core/db.server";
import { enqueueMail } from "../core/outbox.server";
import { hashPassword, verifyPassword } from "./passwords.server";
import { takeToken } from "../core/rate-limit.server";
import { invalidateAllSessions } from "./sessions.server";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const INVITE_POLICY = { capacity: 20, refillSeconds: 60 };
const ACCOUNT_PASSWORD_POLICY = { capacity: 5, refillSeconds: 60 };

function newToken(): string {
  const bytes = new Uint8Array(32); // 256 bits
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export async function inviteUser(
  actor: Actor,
  slug: string,
  input: { email: string; organizationId: string; role: string },
  options: { now?: Date } = {},
): Promise<{ token: string; outboxId: number } | { rateLimited: number }> {
  const db = await getDb();
  const body = await adminBody(db, actor, slug);
  const email = input.email.trim().toLowerCase();
  const { org, role } = await checkGrant(db, body.id, input.organizationId, input.role);
  const limit = await takeToken(db, `invite:account:${actor.id}`, INVITE_POLICY);
  if (!limit.allowed) return { rateLimited: limit.retryAfterSeconds };
  const [existing] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, email), eq(memberships.organizationId, org.id), eq(memberships.role, role)))
    .limit(1);
  if (existing) throw new AdminRefusal("alreadyMember", "email");
  const now = options.now ?? new Date();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  const outboxId = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(userTokens)
      .values({
        purpose: "invitation",
        tokenHash: hashToken(token),
        email,
        bodyId: body.id,
        grant: { organizationId: org.id, role },
        createdByUserId: actor.id,
        createdAt: now,
        expiresAt,
      })
      .returning({ id: userTokens.id });
    const eventId = await writeEvent(tx, {
      bodyId: body.id,
      aggregateType: "invitation",
      aggregateId: row!.id,
      type: "user_invited",
      actorUserId: actor.id,
      payload: { email, organizationId: org.id, organizationName: org.name, role },
    });
    return enqueueMail(tx, {
      recipient: email,
      subject: invitationText.mail.subject(body.name),
      bodyText: invitationText.mail.body({
        body: body.name,
        organization: org.name,
        role: roleLabels[role] ?? role,
        inviter: actor.displayName,
        link: `${publicOrigin()}/einladung/${token}`,
        expires: expiresAt.toLocaleString("de-DE", { timeZone: body.timeZone, dateStyle: "long", timeStyle: "short" }),
      }),
      eventId,
    });
  });
  return { token, outboxId };
}

// ---- invitations ---------------------------------------------------------------------------------------

async function openInvitation(db: Db | Tx, token: string, now: Date, forUpdate = false) {
  if (token.length < 40 || token.length > 80 || !/^[a-z2-7]+$/.test(token)) return null;
  const query = db
    .select({
      id: userTokens.id,
      email: userTokens.email,
      bodyId: userTokens.bodyId,
      grant: userTokens.grant,
      createdByUserId: userTokens.createdByUserId,
      bodyName: bodies.name,
    })
    .from(userTokens)
    .innerJoin(bodies, eq(bodies.id, userTokens.bodyId))
    .where(usableToken("invitation", now, token))
    .limit(1);
  const [row] = forUpdate ? await query.for("update", { of: userTokens }) : await query;
  if (!row || !row.grant || !row.bodyId) return null;
  const [org] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, row.grant.organizationId), eq(organizations.bodyId, row.bodyId)))
    .limit(1);
  if (!org || !isRole(row.grant.role)) return null;
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, row.email)).limit(1);
  return {
    ...row,
    bodyId: row.bodyId,
    organization: org,
    role: row.grant.role as Role,
    existingUserId: account?.id ?? null,
  };
}

/** What the invitation page shows; null for an unknown, used or expired token. */
export async function loadInvitation(token: string, now = new Date()) {
  const db = await getDb();
  const invitation = await openInvitation(db, token, now);
  if (!invitation) return null;
  return {
    email: invitation.email,
    bodyName: invitation.bodyName,
    organizationName: invitation.organization.name,
    role: invitation.role,
    existingAccount: invitation.existingUserId !== null,
  };
}

export function passwordProblem(password: string, email: string): PasswordProblem | null {
  return checkPassword(password, { email, isCommon: isCommonPassword });
}

export type AcceptResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "password"; problem: PasswordProblem }
  | { ok: false; reason: "wrong_password" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Accepts an invitation once: a new account is created with the chosen name and password, or an existing
 * account (confirmed with its password) gets the membership. The token is spent in the same transaction.
 */
export async function acceptInvitation(
  token: string,
  input: { displayName: string; password: string },
  now = new Date(),
): Promise<AcceptResult> {
  const db = await getDb();
  const preview = await openInvitation(db, token, now);
  if (!preview) return { ok: false, reason: "invalid" };
  // Hash outside the transaction: argon2 takes a while and must not hold row locks.
  let passwordHash: string | null = null;
  if (preview.existingUserId) {
    // The same bucket as sign-in: an invitation link must not become a way around the sign-in limit.
    const limit = await takeToken(db, `signin:account:${preview.email}`, ACCOUNT_PASSWORD_POLICY);
    if (!limit.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
    const [account] = await db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, preview.existingUserId));
    if (!account || !(await verifyPassword(account.passwordHash, input.password)))
      return { ok: false, reason: "wrong_password" };
  } else {
    const problem = passwordProblem(input.password, preview.email);
    if (problem) return { ok: false, reason: "password", problem };
    passwordHash = await hashPassword(input.password);
  }
  return db.transaction(async (tx) => {
    const invitation = await openInvitation(tx, token, now, true);
    if (!invitation) return { ok: false as const, reason: "invalid" as const };
    const spent = await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.id, invitation.id), isNull(userTokens.usedAt)))
      .returning({ id: userTokens.id });
    if (spent.length === 0) return { ok: false as const, reason: "invalid" as const };
    let userId = invitation.existingUserId;
    const newAccount = userId === null;
    if (userId === null) {
      if (!passwordHash) return { ok: false as const, reason: "invalid" as const };
      const [created] = await tx
        .insert(users)
        .values({ email: invitation.email, displayName: input.displayName.trim(), passwordHash, createdAt: now })
        .returning({ id: users.id });
      userId = created!.id;
    }
    await tx
      .insert(memberships)
      .values({ userId, bodyId: invitation.bodyId, organizationId: invitation.organization.id, role: invitation.role })
      .onConflictDoNothing();
    await writeEvent(tx, {
      bodyId: invitation.bodyId,
      aggregateType: "user",
      aggregateId: userId,
      type: "invitation_accepted",
      actorUserId: userId,
      payload: {
        invitationId: invitation.id,
        invitedBy: invitation.createdByUserId,
        organizationId: invitation.organization.id,
        organizationName: invitation.organization.name,
        role: invitation.role,
        newAccount,
      },
    });
    // New privileges: sessions from before the invitation do not carry them over.
    if (!newAccount) await invalidateAllSessions(tx, userId);
    return { ok: true as const, userId };
  });
}
