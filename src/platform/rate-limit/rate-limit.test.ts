import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/platform/db/client';
import { consumeRateLimit, consumeRateLimitInMemory } from './rate-limit';

describe('consumeRateLimit', () => {
  it('allows exactly the limit under concurrent requests', async () => {
    const rule = { name: 'concurrency', limit: 10, windowSeconds: 60 };
    const outcomes = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit(rule, 'ip:192.0.2.1')));
    expect(outcomes.filter((outcome) => outcome.allowed)).toHaveLength(10);
    expect(
      outcomes
        .filter((outcome) => !outcome.allowed)
        .every((outcome) => outcome.retryAfterSeconds > 0 && outcome.retryAfterSeconds <= 60),
    ).toBe(true);
  });

  it('counts subjects separately and starts a new window when the old one ends', async () => {
    const rule = { name: 'windows', limit: 1, windowSeconds: 60 };
    expect((await consumeRateLimit(rule, 'a')).allowed).toBe(true);
    expect((await consumeRateLimit(rule, 'a')).allowed).toBe(false);
    expect((await consumeRateLimit(rule, 'b')).allowed).toBe(true);
    // The window of "a" ends (as if a minute had passed).
    await db.execute(
      sql`update rate_limit_buckets set resets_at = now() - interval '1 second' where key = 'windows:a'`,
    );
    expect((await consumeRateLimit(rule, 'a')).allowed).toBe(true);
  });

  it('is stored in PostgreSQL, shared by every app instance', async () => {
    await consumeRateLimit({ name: 'shared', limit: 3, windowSeconds: 60 }, 'user@example.com');
    const rows = await db.execute<{ count: number }>(
      sql`select count from rate_limit_buckets where key = 'shared:user@example.com'`,
    );
    expect(rows.rows[0]?.count).toBe(1);
  });
});

describe('consumeRateLimitInMemory', () => {
  it('allows the limit per subject in a window, then refuses until the window ends, writing no row', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const rule = { name: 'memory-reads', limit: 3, windowSeconds: 60, store: 'memory' as const };
      const first = Array.from({ length: 5 }, () => consumeRateLimitInMemory(rule, 'session:a'));
      expect(first.map((outcome) => outcome.allowed)).toEqual([true, true, true, false, false]);
      expect(first[4]!.retryAfterSeconds).toBe(60);
      expect(consumeRateLimitInMemory(rule, 'session:b').allowed).toBe(true);
      vi.advanceTimersByTime(59_000);
      expect(consumeRateLimitInMemory(rule, 'session:a')).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
      vi.advanceTimersByTime(1_000);
      expect(consumeRateLimitInMemory(rule, 'session:a').allowed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    const rows = await db.execute(sql`select key from rate_limit_buckets where key like 'memory-reads:%'`);
    expect(rows.rows).toEqual([]);
  });
});
