import { bigint, boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * The tables better-auth works with, written from its documented schema (its
 * schema CLI needs a newer Node than Keel requires). Property names are the
 * field names better-auth uses; columns are snake_case like the rest of Keel.
 */

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull().default(''),
    /** Always stored lower-case (better-auth normalises it). */
    email: text('email').notNull(),
    emailVerified: boolean('email_verified').notNull().default(false),
    /** URL of the avatar (served by /api/avatars/…), or null for initials. */
    image: text('image'),
    twoFactorEnabled: boolean('two_factor_enabled').notNull().default(false),
    /** Preferred language; the cookie follows it at sign-in. */
    locale: text('locale'),
    /** Preferred theme ("light" | "dark" | "system"); the theme cookie follows it at sign-in. */
    theme: text('theme'),
    /** Set when the user finished onboarding (name, optional avatar). */
    onboardedAt: timestamp('onboarded_at', { withTimezone: true }),
    /**
     * Set by a super admin's ban (src/features/admin, decision 0057): no session is created for the user and none
     * is honoured until `banExpiresAt` passes (null: until unbanned).
     */
    bannedAt: timestamp('banned_at', { withTimezone: true }),
    banReason: text('ban_reason'),
    banExpiresAt: timestamp('ban_expires_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [uniqueIndex('users_email_key').on(sql`lower(${table.email})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    /** The value in the (signed) session cookie; better-auth looks sessions up by it. */
    token: text('token').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    /**
     * The super admin who opened this session as the user (impersonation, decision 0064): it lasts an hour and is
     * never extended (a trigger, drizzle/0021), and it ends with the admin's account.
     */
    impersonatedBy: text('impersonated_by').references(() => users.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (table) => [index('sessions_user_id_idx').on(table.userId)],
);

/** Sign-in methods of a user: "credential" (password) or an OAuth provider. */
export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    /** scrypt hash, for the "credential" account only. */
    password: text('password'),
    ...timestamps,
  },
  (table) => [
    index('accounts_user_id_idx').on(table.userId),
    uniqueIndex('accounts_provider_account_key').on(table.providerId, table.accountId),
  ],
);

/** One-time values: email verification, password reset, magic link, OAuth state. */
export const verifications = pgTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (table) => [index('verifications_identifier_idx').on(table.identifier)],
);

/** TOTP secret and recovery codes (both encrypted by better-auth with APP_SECRET). */
export const twoFactors = pgTable(
  'two_factors',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    secret: text('secret').notNull(),
    backupCodes: text('backup_codes').notNull(),
    verified: boolean('verified').notNull().default(true),
    failedVerificationCount: integer('failed_verification_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (table) => [index('two_factors_user_id_idx').on(table.userId), index('two_factors_secret_idx').on(table.secret)],
);

/**
 * The last time step (of 30 seconds) whose authenticator code each user used:
 * a code is accepted only for a later step, so none works twice (RFC 6238 §5.2).
 * Kept apart from `two_factors` so that it survives turning two-factor off and on.
 */
export const totpSteps = pgTable('totp_steps', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  lastStep: bigint('last_step', { mode: 'number' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
});
