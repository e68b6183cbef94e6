import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The audit log (docs/audit/audit-log.md, decision 0056): one row per security-relevant change, written in the
 * transaction of that change. Append-only for the app's roles (drizzle/0017_audit_events.sql grants them INSERT and
 * SELECT only; a trigger refuses UPDATE, and DELETE by anyone but the retention role). No foreign keys, on purpose:
 * a row outlives the user or organization it names ("account deleted" must stay), and a cascading `set null` would
 * be an update.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    /** One of AUDIT_ACTIONS (src/features/audit/events.ts). */
    action: text('action').notNull(),
    /** Who did it; null when nobody signed in did (a failed sign-in, the provider's webhook). */
    actorUserId: text('actor_user_id'),
    /** The super admin acting as `actorUserId` while impersonating (the admin area). */
    impersonatorUserId: text('impersonator_user_id'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** The organization it happened in; null for a user's own security events. */
    organizationId: uuid('organization_id'),
    ip: text('ip'),
    requestId: text('request_id'),
    /** A few facts for the sentence shown (old and new role, plan…): never secrets, tokens or passwords. */
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
  },
  (table) => [
    index('audit_events_organization_idx').on(table.organizationId, table.occurredAt, table.id),
    index('audit_events_actor_idx').on(table.actorUserId, table.occurredAt),
    index('audit_events_target_idx').on(table.targetId, table.occurredAt),
    index('audit_events_occurred_idx').on(table.occurredAt),
    check('audit_events_action_length', sql`char_length(${table.action}) between 1 and 100`),
    check('audit_events_details_small', sql`pg_column_size(${table.details}) <= 4096`),
  ],
);
