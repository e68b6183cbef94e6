import { defineTableQuery } from '@/platform/data/table-query';

export const USER_STATUSES = ['active', 'banned'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/**
 * What the admin users list's URL may ask for (/admin/users): search by name or email, banned or not, two-factor on
 * or off, newest first by default.
 *
 *   /admin/users?q=ada&status=banned&twoFactor=false&sort=email&page=2
 */
export const adminUserQuery = defineTableQuery({
  sorts: ['createdAt', 'name', 'email'],
  defaultSort: '-createdAt',
  filters: {
    status: { kind: 'enum', values: USER_STATUSES },
    twoFactor: { kind: 'enum', values: ['true', 'false'] },
  },
  search: true,
  pageSizes: [25, 50, 100],
  defaultPageSize: 25,
  pagination: ['offset'],
});

export type AdminUserQuery = typeof adminUserQuery.defaults;
