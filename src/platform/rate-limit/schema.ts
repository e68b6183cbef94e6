import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Fixed-window counters for rate limits. Stored in PostgreSQL so that every app
 * instance shares them and they survive restarts.
 */
export const rateLimitBuckets = pgTable('rate_limit_buckets', {
  /** "<limit name>:<subject>", e.g. "client-errors:ip:203.0.113.7". */
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetsAt: timestamp('resets_at', { withTimezone: true }).notNull(),
});
