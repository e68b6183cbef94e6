import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The dev mailbox: every email the app sends when no SMTP server is
 * configured, readable at /dev/mailbox outside production.
 */
export const devMailboxMessages = pgTable(
  'dev_mailbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    from: text('from').notNull(),
    to: jsonb('to').$type<string[]>().notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('dev_mailbox_messages_created_at_idx').on(table.createdAt)],
);

export type DevMailboxMessage = typeof devMailboxMessages.$inferSelect;
