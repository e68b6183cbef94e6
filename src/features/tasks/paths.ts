import { dashboardPath } from '@/platform/navigation/dashboard-path';

/** The tasks list of an organization, with an optional query string (from taskQuery.toSearchParams). */
export function tasksPath(slug: string, search?: URLSearchParams | string): string {
  const query = search?.toString();
  return `${dashboardPath(slug, 'tasks')}${query ? `?${query}` : ''}`;
}

export function taskPath(slug: string, taskId: string, page: '' | 'edit' = ''): string {
  return dashboardPath(slug, `tasks/${encodeURIComponent(taskId)}${page ? `/${page}` : ''}`);
}

export function newTaskPath(slug: string): string {
  return dashboardPath(slug, 'tasks/new');
}

/** The API route the browser reads tasks from (typeahead, "my open tasks"). */
export function tasksApiPath(slug: string, search?: URLSearchParams | string): string {
  const query = search?.toString();
  return `/api/organizations/${encodeURIComponent(slug)}/tasks${query ? `?${query}` : ''}`;
}
