import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import type { TenantScope } from '@/platform/db/tenant';
import { getTask, type TaskDetail } from './tasks';

const taskOfOrganization = cache(async (userId: string, organizationId: string, taskId: string) =>
  getTask({ userId, organizationId }, taskId),
);

/**
 * For a task's pages (after requireOrganization): the task, or the 404 page
 * when the organization has no task with that id — whether it was deleted,
 * belongs to another organization or is not an id at all. Read once per
 * request, so the page and its metadata share one query.
 */
export async function requireTask(scope: TenantScope, taskId: string): Promise<TaskDetail> {
  const task = await taskOfOrganization(scope.userId, scope.organizationId, taskId);
  if (!task) notFound();
  return task;
}
