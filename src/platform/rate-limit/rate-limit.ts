import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/platform/db/client';

export interface RateLimitRule {
  /** Names the limit in keys and logs, e.g. "sign-in". */
  name: string;
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitOutcome {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/**
 * Counts one attempt against `rule` for `subject` (an IP, a normalised email…)
 * and says whether it is allowed. One atomic upsert: concurrent requests from
 * several app instances count correctly.
 */
export async function consumeRateLimit(rule: RateLimitRule, subject: string): Promise<RateLimitOutcome> {
  const key = `${rule.name}:${subject}`;
  const result = await db.execute<{ count: number; retry_after: number }>(sql`
    insert into rate_limit_buckets as b (key, count, resets_at)
    values (${key}, 1, now() + make_interval(secs => ${rule.windowSeconds}))
    on conflict (key) do update set
      count = case when b.resets_at <= now() then 1 else b.count + 1 end,
      resets_at = case when b.resets_at <= now() then excluded.resets_at else b.resets_at end
    returning count, ceil(extract(epoch from (resets_at - now())))::int as retry_after
  `);
  const row = result.rows[0]!;
  // Now and then, forget windows that ended long ago.
  if (Math.random() < 0.01) {
    await db.execute(sql`delete from rate_limit_buckets where resets_at < now() - interval '1 day'`);
  }
  const count = Number(row.count);
  return {
    allowed: count <= rule.limit,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: Math.max(1, Number(row.retry_after)),
  };
}
