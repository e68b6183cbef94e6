import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/platform/db/client';

export interface RateLimitRule {
  /** Names the limit in keys and logs, e.g. "sign-in". */
  name: string;
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
  /**
   * 'database' (the default): counted in PostgreSQL, shared by every instance — for limits that protect
   * something costly or guessable (sign-in, emails, invitations, any write). 'memory': counted in this
   * process, without a database write per request — for reads whose limit only keeps one client from
   * hogging the server; each instance then allows `limit` on its own (decision 0044).
   */
  store?: 'database' | 'memory';
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

/** The in-memory windows: key → count and when the window ends (ms). Bounded, oldest windows first out. */
const memoryWindows = new Map<string, { count: number; resetsAt: number }>();
const MEMORY_WINDOWS_MAX = 50_000;

/**
 * consumeRateLimit for a rule with `store: 'memory'`: the same fixed window, counted in this process.
 * No database round trip and no write, so a read endpoint's limit costs nothing per request.
 */
export function consumeRateLimitInMemory(rule: RateLimitRule, subject: string): RateLimitOutcome {
  const key = `${rule.name}:${subject}`;
  const now = Date.now();
  let window = memoryWindows.get(key);
  if (!window || window.resetsAt <= now) {
    memoryWindows.delete(key);
    if (memoryWindows.size >= MEMORY_WINDOWS_MAX) {
      for (const [oldKey, old] of memoryWindows) if (old.resetsAt <= now) memoryWindows.delete(oldKey);
      // Still full of live windows (a flood of new subjects): forget the oldest rather than grow.
      if (memoryWindows.size >= MEMORY_WINDOWS_MAX) memoryWindows.delete(memoryWindows.keys().next().value!);
    }
    window = { count: 0, resetsAt: now + rule.windowSeconds * 1000 };
    memoryWindows.set(key, window);
  }
  window.count += 1;
  return {
    allowed: window.count <= rule.limit,
    remaining: Math.max(0, rule.limit - window.count),
    retryAfterSeconds: Math.max(1, Math.ceil((window.resetsAt - now) / 1000)),
  };
}
