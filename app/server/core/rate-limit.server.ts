/**
 * Token buckets stored in PostgreSQL so that every app process shares them. One atomic upsert refills the
 * bucket by elapsed time and takes one token — only when a whole token is there: a refused attempt changes
 * nothing, so the Retry-After it answers with is the time after which the next attempt is allowed (a bucket
 * that went below zero on refusals made a client that obeys Retry-After loop).
 */
import { sql } from "drizzle-orm";
import type { Db } from "./db.server";

export interface BucketPolicy {
  /** Maximum burst. */
  capacity: number;
  /** Seconds for one token to come back. */
  refillSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** 0 when allowed; else whole seconds after which one token is back. */
  retryAfterSeconds: number;
}

// Float rounding must not turn "exactly one token back" into a refusal.
const EPSILON = 1e-9;

/**
 * Takes one token from the bucket `key` when one is there. `now` defaults to the database's clock (shared by
 * every process); tests pass their own.
 */
export async function takeToken(db: Db, key: string, policy: BucketPolicy, now?: Date): Promise<RateLimitResult> {
  const at = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  const refilled = sql`least(${policy.capacity}::float8,
      rate_limits.tokens::float8 + greatest(0, extract(epoch from (${at} - rate_limits.updated_at)))::float8 / ${policy.refillSeconds}::float8)`;
  // The update happens only when a whole token is there, so a returned row means "taken" (no row: refused,
  // and nothing changed) — whatever the clock says, also for two attempts at the same instant.
  const taken = rowsOf<{ ok: number }>(
    await db.execute<{ ok: number }>(sql`
    insert into rate_limits (key, tokens, updated_at) values (${key}, ${policy.capacity - 1}, ${at})
    on conflict (key) do update set tokens = greatest(0, ${refilled} - 1), updated_at = ${at}
      where ${refilled} >= ${1 - EPSILON}::float8
    returning 1 as ok`),
  );
  if (taken.length > 0) return { allowed: true, retryAfterSeconds: 0 };
  const [row] = rowsOf<{ tokens: number; age: number }>(
    await db.execute<{ tokens: number; age: number }>(sql`
    select tokens::float8 as tokens, greatest(0, extract(epoch from (${at} - updated_at)))::float8 as age
    from rate_limits where key = ${key}`),
  );
  const available = row ? Math.min(policy.capacity, Number(row.tokens) + Number(row.age) / policy.refillSeconds) : 0;
  const missing = Math.max(0, 1 - available);
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(missing * policy.refillSeconds - EPSILON)) };
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/**
 * Takes one token from every bucket, or from none: when one refuses, the tokens already taken are given back,
 * so that an attempt refused by (say) the account's bucket does not also drain the address's bucket and make
 * the next attempt after Retry-After fail there. Retry-After is the longest wait of the refusing buckets.
 */
export async function takeTokens(
  db: Db,
  buckets: Array<{ key: string; policy: BucketPolicy }>,
  now?: Date,
): Promise<RateLimitResult> {
  const taken: Array<{ key: string; policy: BucketPolicy }> = [];
  let retryAfterSeconds = 0;
  for (const bucket of buckets) {
    const result = await takeToken(db, bucket.key, bucket.policy, now);
    if (result.allowed) taken.push(bucket);
    else retryAfterSeconds = Math.max(retryAfterSeconds, result.retryAfterSeconds);
  }
  if (retryAfterSeconds === 0) return { allowed: true, retryAfterSeconds: 0 };
  for (const bucket of taken) {
    await db.execute(
      sql`update rate_limits set tokens = least(${bucket.policy.capacity}::real, tokens + 1) where key = ${bucket.key}`,
    );
  }
  return { allowed: false, retryAfterSeconds };
}

export async function resetBucket(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}
