import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '@/features/auth/server/schema';

/**
 * Organizations and who belongs to them. `members` and `invitations` are
 * organization-scoped: row-level security (drizzle/0005_organization_rls.sql)
 * lets the tenant role see only the rows of the organization it acts in, and
 * only while the acting user is a member of it. See docs/organizations/data-model.md.
 */

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The organization's part of its URLs (/dashboard/<slug>); unique whatever the case. */
    slug: text('slug').notNull(),
    /** Storage key of the logo (served by /api/organization-logos/…), or null for initials. */
    logo: text('logo'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('organizations_slug_key').on(sql`lower(${table.slug})`)],
);

export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A role name from appConfig.organizations.roles. */
    role: text('role').notNull(),
    /** When the user joined. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('members_organization_user_key').on(table.organizationId, table.userId),
    index('members_user_id_idx').on(table.userId),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Lower-case. */
    email: text('email').notNull(),
    role: text('role').notNull(),
    inviterId: text('inviter_id').references(() => users.id, { onDelete: 'set null' }),
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** pending → accepted | revoked. An expired invitation is a pending one past expiresAt. */
    status: text('status', { enum: ['pending', 'accepted', 'revoked'] })
      .notNull()
      .default('pending'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('invitations_token_hash_key').on(table.tokenHash),
    // One open invitation per address and organization: inviting again renews it.
    uniqueIndex('invitations_pending_email_key')
      .on(table.organizationId, table.email)
      .where(sql`${table.status} = 'pending'`),
    index('invitations_email_idx').on(table.email),
  ],
);

/** The organization each user used last: /dashboard sends them back to it. */
export const organizationSelections = pgTable('organization_selections', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  selectedAt: timestamp('selected_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per invitation email sent (invites, re-invites and resends): the
 * budgets count them in sliding windows (docs/organizations/invitations.md#budgets).
 * No foreign key to the organization: an account's sends still count after it
 * deletes the organization they came from. Rows older than a day are purged.
 */
export const invitationSends = pgTable(
  'invitation_sends',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    /** Null once the sender's account is deleted: the organization's sends still count. */
    senderId: text('sender_id').references(() => users.id, { onDelete: 'set null' }),
    /** SHA-256 of the normalised address (lower case, no "+tag"): the per-address budget needs no address kept. */
    addressHash: text('address_hash').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('invitation_sends_organization_idx').on(table.organizationId, table.sentAt),
    index('invitation_sends_sender_idx').on(table.senderId, table.sentAt),
  ],
);
