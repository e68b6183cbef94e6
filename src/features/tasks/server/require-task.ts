import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getUser } from '@/features/auth/server';
import { listOrganizationsOfUser } from '@/features/organizations/server';
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

/**
 * The title of a task in the organization with this slug, for the top bar's
 * breadcrumb; null, never the 404 page, when there is none to name (the page
 * itself answers 404). It shares the page's reads of the same request.
 */
export async function findTaskTitle(slug: string, taskId: string): Promise<string | null> {
  const user = await getUser();
  if (!user) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug).toLowerCase();
  } catch {
    return null;
  }
  const organization = (await listOrganizationsOfUser(user.id)).find((each) => each.slug.toLowerCase() === decoded);
  if (!organization) return null;
  return (await taskOfOrganization(user.id, organization.id, taskId))?.title ?? null;
}
