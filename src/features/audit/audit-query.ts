import { defineTableQuery } from '@/platform/data/table-query';
import { AUDIT_ACTIONS } from './events';

/**
 * What an audit list's URL may ask for (the organization's at /dashboard/<slug>/settings/audit, a user's own at
 * /settings/activity): newest first, filtered by action and by who did it, in pages.
 *
 *   /dashboard/acme/settings/audit?action=member.roleChanged&actor=<user id>&page=2
 */
export const auditQuery = defineTableQuery({
  sorts: ['occurredAt'],
  defaultSort: '-occurredAt',
  filters: {
    action: { kind: 'enum', values: AUDIT_ACTIONS },
    actor: { kind: 'id' },
  },
  search: false,
  pageSizes: [25, 50, 100],
  defaultPageSize: 25,
  pagination: ['offset'],
});

export type AuditQuery = typeof auditQuery.defaults;
