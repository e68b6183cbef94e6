'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { limitsPerSession } from '@/platform/rate-limit/per-session';
import { dashboardPath, organizationMember } from '@/features/organizations/server';
import { defineAction } from '@/platform/http/action';
import { createTaskSchema, deleteTasksSchema, setTasksStatusSchema, updateTaskSchema } from '../schemas';
import { taskPath } from '../paths';
import { createTask, deleteTasks, setTasksStatus, updateTask } from './tasks';

/*
 * The tasks actions: public endpoints, each through defineAction (CSRF,
 * validation with translated field errors, a rate limit per session) and the
 * organizationMember guard (401 signed out, 404 not a member). The service
 * checks membership and permission again inside the tenant transaction,
 * where row-level security confines the write to the organization.
 */

const member = organizationMember();
const writes = limitsPerSession('tasks-write', { perIp: 600, perSession: 120, windowSeconds: 60 });

/** Every page of the organization may show tasks (the list, a task, the home's counts): render them afresh. */
function refreshOrganizationPages(slug: string) {
  revalidatePath(dashboardPath(slug), 'layout');
}

export const createTaskAction = defineAction({
  name: 'tasks.create',
  input: createTaskSchema,
  guards: [member],
  rateLimit: writes,
  handler: async ({ organizationId, ...fields }, { user, organization }) => {
    const task = await createTask({ userId: user.id, organizationId }, fields);
    refreshOrganizationPages(organization.slug);
    redirect(taskPath(organization.slug, task.id));
  },
});

export const updateTaskAction = defineAction({
  name: 'tasks.update',
  input: updateTaskSchema,
  guards: [member],
  rateLimit: writes,
  handler: async ({ organizationId, taskId, ...fields }, { user, organization }) => {
    await updateTask({ userId: user.id, organizationId }, taskId, fields);
    refreshOrganizationPages(organization.slug);
    redirect(taskPath(organization.slug, taskId));
  },
});

export const setTasksStatusAction = defineAction({
  name: 'tasks.setStatus',
  input: setTasksStatusSchema,
  guards: [member],
  rateLimit: writes,
  handler: async ({ organizationId, taskIds, status }, { user, organization }) => {
    const result = await setTasksStatus({ userId: user.id, organizationId }, taskIds, status);
    refreshOrganizationPages(organization.slug);
    return result;
  },
});

export const deleteTasksAction = defineAction({
  name: 'tasks.delete',
  input: deleteTasksSchema,
  guards: [member],
  rateLimit: writes,
  handler: async ({ organizationId, taskIds }, { user, organization, logger }) => {
    const result = await deleteTasks({ userId: user.id, organizationId }, taskIds);
    logger.info({ organizationId, userId: user.id, deleted: result.deleted }, 'tasks deleted');
    refreshOrganizationPages(organization.slug);
    return result;
  },
});
