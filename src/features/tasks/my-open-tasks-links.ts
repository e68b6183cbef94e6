import { tasksApiPath, tasksPath } from './paths';
import { OPEN_TASK_STATUSES } from './task-fields';
import { taskQuery } from './task-query';

/** The viewer's open tasks, soonest due first: the list's query string for them. */
function myOpenTasksQuery(userId: string, pageSize?: number) {
  return taskQuery.toSearchParams({
    filters: { assignee: { in: [userId] }, status: { in: [...OPEN_TASK_STATUSES] } },
    sort: { column: 'dueDate', direction: 'asc' },
    // The smallest page the query accepts; the widget shows the first few.
    ...(pageSize ? { pageSize } : {}),
  });
}

/**
 * "My open tasks"'s two addresses, built on the server and handed to the widget: the API read it refreshes from
 * and the list it links to. The browser then needs neither the query's definition nor its zod schema.
 */
export function myOpenTasksLinks(slug: string, userId: string): { api: string; list: string } {
  return {
    api: tasksApiPath(slug, myOpenTasksQuery(userId, Math.min(...taskQuery.spec.pageSizes))),
    list: tasksPath(slug, myOpenTasksQuery(userId)),
  };
}
