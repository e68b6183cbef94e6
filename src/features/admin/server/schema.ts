import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '@/features/auth/server/schema';

/**
 * The super admins granted from the command line (`npm run admin:grant -- <email>`; docs/admin/super-admin.md).
 * Only the server writes it: no form, action or route sets a row. SUPER_ADMIN_EMAILS grants the same without a row.
 */
export const superAdmins = pgTable('super_admins', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
});
