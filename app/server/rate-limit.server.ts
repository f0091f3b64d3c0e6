/**
 * Token buckets stored in PostgreSQL so that every app process shares them. One atomic upsert refills the
 * bucket by elapsed time and takes one token.
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
  retryAfterSeconds: number;
}

/**
 * Takes one token from the bucket `key`. `now` is the database's clock unless given (tests pass their own
 * moments instead of sleeping until a token comes back).
 */
export async function takeToken(
  db: Db,
  key: string,
  policy: BucketPolicy,
  options: { now?: Date } = {},
): Promise<RateLimitResult> {
  const perSecond = 1 / policy.refillSeconds;
  const now = options.now ? sql`${options.now.toISOString()}::timestamptz` : sql`now()`;
  const result = await db.execute<{ tokens: number }>(sql`
    insert into rate_limits (key, tokens, updated_at) values (${key}, ${policy.capacity - 1}, ${now})
    on conflict (key) do update set
      tokens = greatest(-1, least(${policy.capacity}::real,
        rate_limits.tokens + extract(epoch from (${now} - rate_limits.updated_at))::real * ${perSecond}::real) - 1),
      updated_at = ${now}
    returning tokens`);
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: Array<{ tokens: number }> }).rows;
  const tokens = Number(rows[0]?.tokens ?? 0);
  if (tokens >= 0) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(policy.refillSeconds)) };
}

export async function resetBucket(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}
