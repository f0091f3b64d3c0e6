/**
 * E-mail subscriptions (issue 14) with double opt-in and one-click unsubscribe (RFC 8058).
 *
 * - A request answers the same whether the address is new, pending or already subscribed (no enumeration); it
 *   is rate-limited per address and per client address. A new or pending subscription gets a confirmation
 *   mail; nothing else is sent before the confirmation.
 * - Tokens are 256-bit random values stored only as SHA-256 hashes. The confirmation token is single-use and
 *   expires after 7 days; an unconfirmed subscription older than that is deleted on the next request.
 * - Every mail carries its own unsubscribe token; using one deletes the subscription with all its tokens
 *   (and with it the address).
 */
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { encodeBase64urlNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { sha256 } from "@oslojs/crypto/sha2";
import { emailSubscriptions, emailSubscriptionTokens } from "../../../db/schema";
import type { SubscriptionTopicName } from "../../domain/texts/subscriptions";
import { subscriptionText as t } from "../../domain/texts/subscriptions";
import { publicOrigin } from "../core/config.server";
import { getDb, type Db, type Tx } from "../core/db.server";
import { enqueueMail } from "../core/outbox.server";
import { takeTokens, type BucketPolicy } from "../core/rate-limit.server";
import { nudgeOutboxWorker } from "../notifications/outbox-worker.server";
import { describeStoredTarget, resolveTarget, type TargetInput } from "./targets.server";

export const CONFIRM_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const IP_POLICY: BucketPolicy = { capacity: 10, refillSeconds: 360 };
const ADDRESS_POLICY: BucketPolicy = { capacity: 3, refillSeconds: 1200 };

export function hashSubscriptionToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

function newToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return encodeBase64urlNoPadding(bytes);
}

const plausibleToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export const subscriptionLinks = {
  confirm: (token: string) => `${publicOrigin()}/abo/bestaetigen/${token}`,
  unsubscribe: (token: string) => `${publicOrigin()}/abo/abmelden/${token}`,
};

/** A new unsubscribe token for a mail about the subscription; returns the link. */
export async function issueUnsubscribeLink(tx: Db | Tx, subscriptionId: string, now: Date): Promise<string> {
  const token = newToken();
  await tx.insert(emailSubscriptionTokens).values({
    tokenHash: hashSubscriptionToken(token),
    subscriptionId,
    purpose: "unsubscribe",
    createdAt: now,
  });
  return subscriptionLinks.unsubscribe(token);
}

export type SubscribeResult =
  | { ok: true; pagePath: string; what: string }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

export async function requestSubscription(
  input: { email: string; target: TargetInput; clientIp: string; honeypot?: string },
  now: Date = new Date(),
): Promise<SubscribeResult> {
  const db = await getDb();
  const target = await resolveTarget(db, input.target);
  if (!target) return { ok: false, reason: "not_found" };
  const done = { ok: true as const, pagePath: target.pagePath, what: target.what };
  if (input.honeypot) return done;
  const email = input.email.trim().toLowerCase();
  const limited = await takeTokens(
    db,
    [
      { key: `abo:ip:${input.clientIp}`, policy: IP_POLICY },
      // The bucket is keyed by a hash: the rate-limit table need not hold the address itself.
      { key: `abo:address:${hashSubscriptionToken(email)}`, policy: ADDRESS_POLICY },
    ],
    now,
  );
  if (!limited.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: limited.retryAfterSeconds };

  await db.transaction(async (tx) => {
    // Data minimisation: unconfirmed subscriptions whose link has run out are not kept.
    await tx
      .delete(emailSubscriptions)
      .where(
        and(
          isNull(emailSubscriptions.confirmedAt),
          lt(emailSubscriptions.createdAt, new Date(now.getTime() - CONFIRM_TOKEN_TTL_MS)),
        ),
      );
    const [existing] = await tx
      .insert(emailSubscriptions)
      .values({ email, topic: target.topic, bodyId: target.bodyId, targetId: target.targetId, createdAt: now })
      .onConflictDoUpdate({
        target: [emailSubscriptions.email, emailSubscriptions.topic, emailSubscriptions.targetId],
        set: { email: sql`excluded.email` },
      })
      .returning({ id: emailSubscriptions.id, confirmedAt: emailSubscriptions.confirmedAt });
    // Already confirmed: nothing to send (and the page says the same as for a new address).
    if (!existing || existing.confirmedAt) return;
    const token = newToken();
    await tx.insert(emailSubscriptionTokens).values({
      tokenHash: hashSubscriptionToken(token),
      subscriptionId: existing.id,
      purpose: "confirm",
      expiresAt: new Date(now.getTime() + CONFIRM_TOKEN_TTL_MS),
      createdAt: now,
    });
    const unsubscribeLink = await issueUnsubscribeLink(tx, existing.id, now);
    await enqueueMail(tx, {
      recipient: email,
      subject: t.mail.confirmSubject(target.what),
      bodyText: t.mail.confirmBody({
        what: target.what,
        confirmLink: subscriptionLinks.confirm(token),
        unsubscribeLink,
      }),
      listUnsubscribe: unsubscribeLink,
    });
  });
  nudgeOutboxWorker();
  return done;
}

type TokenPurpose = "confirm" | "unsubscribe";

async function findToken(db: Db | Tx, token: string, purpose: TokenPurpose, now: Date) {
  if (!plausibleToken(token)) return null;
  const [row] = await db
    .select({
      subscriptionId: emailSubscriptions.id,
      topic: emailSubscriptions.topic,
      bodyId: emailSubscriptions.bodyId,
      targetId: emailSubscriptions.targetId,
      confirmedAt: emailSubscriptions.confirmedAt,
    })
    .from(emailSubscriptionTokens)
    .innerJoin(emailSubscriptions, eq(emailSubscriptions.id, emailSubscriptionTokens.subscriptionId))
    .where(
      and(
        eq(emailSubscriptionTokens.tokenHash, hashSubscriptionToken(token)),
        eq(emailSubscriptionTokens.purpose, purpose),
        isNull(emailSubscriptionTokens.usedAt),
        purpose === "confirm" ? gt(emailSubscriptionTokens.expiresAt, now) : undefined,
      ),
    );
  return row ?? null;
}

export interface TokenPage {
  what: string;
  pagePath: string | null;
}

/** What a confirmation or unsubscribe link is about, while it is valid; null otherwise. */
export async function loadTokenPage(
  token: string,
  purpose: TokenPurpose,
  now: Date = new Date(),
): Promise<TokenPage | null> {
  const db = await getDb();
  const row = await findToken(db, token, purpose, now);
  if (!row) return null;
  const described = await describeStoredTarget(db, { ...row, topic: row.topic as SubscriptionTopicName });
  return { what: described?.what ?? "", pagePath: described?.pagePath ?? null };
}

/** Uses a confirmation link: the subscription is confirmed, the link spent. Null when it is not valid. */
export async function confirmSubscription(token: string, now: Date = new Date()): Promise<TokenPage | null> {
  const db = await getDb();
  const subscription = await db.transaction(async (tx) => {
    if (!plausibleToken(token)) return null;
    const [spent] = await tx
      .update(emailSubscriptionTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(emailSubscriptionTokens.tokenHash, hashSubscriptionToken(token)),
          eq(emailSubscriptionTokens.purpose, "confirm"),
          isNull(emailSubscriptionTokens.usedAt),
          gt(emailSubscriptionTokens.expiresAt, now),
        ),
      )
      .returning({ subscriptionId: emailSubscriptionTokens.subscriptionId });
    if (!spent) return null;
    const [row] = await tx
      .update(emailSubscriptions)
      .set({ confirmedAt: now })
      .where(eq(emailSubscriptions.id, spent.subscriptionId))
      .returning();
    return row ?? null;
  });
  if (!subscription) return null;
  const described = await describeStoredTarget(db, subscription);
  return { what: described?.what ?? "", pagePath: described?.pagePath ?? null };
}

/** Uses an unsubscribe link: the subscription and all its tokens are deleted. False when there is none. */
export async function unsubscribe(token: string): Promise<boolean> {
  if (!plausibleToken(token)) return false;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ subscriptionId: emailSubscriptionTokens.subscriptionId })
      .from(emailSubscriptionTokens)
      .where(
        and(
          eq(emailSubscriptionTokens.tokenHash, hashSubscriptionToken(token)),
          eq(emailSubscriptionTokens.purpose, "unsubscribe"),
        ),
      );
    if (!row) return false;
    await tx.delete(emailSubscriptions).where(eq(emailSubscriptions.id, row.subscriptionId));
    return true;
  });
}

/** What a subscription form is about (for the /abo page), or null when the target is unknown or not public. */
export async function loadSubscriptionTarget(input: TargetInput): Promise<{ what: string; pagePath: string } | null> {
  const target = await resolveTarget(await getDb(), input);
  return target ? { what: target.what, pagePath: target.pagePath } : null;
}
