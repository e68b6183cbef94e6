import { defineTableQuery } from '@/platform/data/table-query';
import { TASK_PRIORITIES, TASK_STATUSES } from './task-fields';

/**
 * What the tasks list's URL (and GET /api/organizations/<slug>/tasks) may
 * ask for. Shared by the page, the API route and the browser's DataTable;
 * the server binds each name to a column in server/task-pages.ts.
 *
 *   /dashboard/acme/tasks?status=todo,in_progress&assignee=<user id>&due.to=2026-12-31&sort=dueDate&q=invoice
 */
export const taskQuery = defineTableQuery({
  sorts: ['title', 'status', 'priority', 'dueDate', 'createdAt', 'updatedAt'],
  defaultSort: '-createdAt',
  filters: {
    status: { kind: 'enum', values: TASK_STATUSES },
    priority: { kind: 'enum', values: TASK_PRIORITIES },
    assignee: { kind: 'id' },
    title: { kind: 'text' },
    due: { kind: 'date' },
    created: { kind: 'date' },
  },
  search: true,
  pageSizes: [10, 25, 50, 100],
  defaultPageSize: 25,
  pagination: ['offset', 'keyset'],
});

export type TaskQuery = typeof taskQuery.defaults;
export type TaskSortColumn = TaskQuery['sort']['column'];
export type TaskFilterSpecs = typeof taskQuery.spec.filters;
