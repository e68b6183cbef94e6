import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { users } from '@/features/auth/server/schema';
import { assertWithinLimit, queueUsageReport, recordUsage } from '@/features/billing/server';
import { inOrganization } from '@/features/organizations/server';
import { members } from '@/features/organizations/server/schema';
import type { Transaction } from '@/platform/db/client';
import type { LoadedPage } from '@/platform/db/data-loader';
import type { TenantScope } from '@/platform/db/tenant';
import { AppError, fieldRefusal } from '@/platform/http/errors';
import type { TaskFields } from '../schemas';
import { OPEN_TASK_STATUSES, TASK_STATUSES, type TaskStatus } from '../task-fields';
import type { TaskQuery } from '../task-query';
import { tasks } from './schema';
import { taskListFields, taskPages, type TaskListRow } from './task-pages';

/*
 * The tasks service. Every function runs inside the tenant transaction
 * (inOrganization): the acting user must be a member, and row-level security
 * confines every statement to the organization — a task id from another
 * organization matches nothing and answers 404.
 */

export interface TaskDetail extends TaskListRow {
  description: string;
  createdById: string | null;
  createdByName: string | null;
}

export interface TaskOverview {
  /** Tasks per status, every status present (0 when none). */
  counts: Record<TaskStatus, number>;
  /** Open tasks assigned to the viewer, soonest due first. */
  myOpen: TaskListRow[];
  /** The most recently changed tasks. */
  recent: TaskListRow[];
}

export interface AssigneeOption {
  userId: string;
  name: string;
}

/** One page of the organization's tasks (offset or keyset, as the query says). */
export async function listTasks(
  scope: TenantScope,
  query: TaskQuery,
  options: { mode?: 'offset' | 'keyset'; count?: boolean } = {},
): Promise<LoadedPage<TaskListRow>> {
  return inOrganization(scope, {}, (tx) => taskPages.load(tx, query, { ...options, scope: scope.organizationId }));
}

const creators = alias(users, 'creators');

const taskIdSchema = z.uuid();

/**
 * A task with its description and who created it; null when the organization
 * has no such task — an id that is not a UUID included (it comes from a URL),
 * so a page answers it with the same 404 as any other.
 */
export async function getTask(scope: TenantScope, taskId: string): Promise<TaskDetail | null> {
  if (!taskIdSchema.safeParse(taskId).success) return null;
  return inOrganization(scope, {}, async (tx) => {
    const [task] = await tx
      .select({
        ...taskListFields,
        description: tasks.description,
        createdById: tasks.createdById,
        createdByName: creators.name,
      })
      .from(tasks)
      .leftJoin(users, eq(users.id, tasks.assigneeId))
      .leftJoin(creators, eq(creators.id, tasks.createdById))
      .where(and(eq(tasks.organizationId, scope.organizationId), eq(tasks.id, taskId)));
    return task ?? null;
  });
}

/** PostgreSQL's foreign-key refusal of an assignee who is not a member of the organization, as a field error. */
async function savingTask<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const cause =
      (error as { cause?: { code?: string; constraint?: string } }).cause ??
      (error as { code?: string; constraint?: string });
    if (cause.code === '23503' && cause.constraint === 'tasks_assignee_membership_fk') {
      throw fieldRefusal('VALIDATION_FAILED', 'assigneeId', 'tasks.assigneeNotMember');
    }
    throw error;
  }
}

/**
 * Creates a task within the plan's `tasks` limit (refused with PLAN_UPGRADE_REQUIRED at it, however many
 * are created at once) and, on a plan that meters tasks, records one unit of usage with it.
 */
export async function createTask(scope: TenantScope, fields: TaskFields): Promise<{ id: string }> {
  const { id, metered } = await savingTask(() =>
    inOrganization(scope, {}, async (tx) => {
      const { organizationId } = scope;
      await assertWithinLimit(tx, organizationId, 'tasks', () =>
        tx.$count(tasks, eq(tasks.organizationId, organizationId)),
      );
      const [task] = await tx
        .insert(tasks)
        .values({ ...fields, organizationId, createdById: scope.userId })
        .returning({ id: tasks.id });
      return { id: task!.id, metered: await recordUsage(tx, organizationId, 'tasks', task!.id) };
    }),
  );
  if (metered) await queueUsageReport();
  return { id };
}

export async function updateTask(scope: TenantScope, taskId: string, fields: TaskFields): Promise<{ id: string }> {
  return savingTask(() =>
    inOrganization(scope, {}, async (tx) => {
      const [task] = await tx
        .update(tasks)
        .set({ ...fields, updatedAt: sql`now()` })
        .where(and(eq(tasks.organizationId, scope.organizationId), eq(tasks.id, taskId)))
        .returning({ id: tasks.id });
      if (!task) throw new AppError('NOT_FOUND');
      return task;
    }),
  );
}

/**
 * Sets the status of several tasks; ids the organization does not have are
 * ignored (they may have been deleted meanwhile), but when none of them is
 * the organization's the answer is 404, as for one task. Returns how many changed.
 */
export async function setTasksStatus(
  scope: TenantScope,
  taskIds: string[],
  status: TaskStatus,
): Promise<{ updated: number }> {
  return inOrganization(scope, {}, async (tx) => {
    const changed = await tx
      .update(tasks)
      .set({ status, updatedAt: sql`now()` })
      .where(and(eq(tasks.organizationId, scope.organizationId), inArray(tasks.id, taskIds)))
      .returning({ id: tasks.id });
    if (changed.length === 0) throw new AppError('NOT_FOUND');
    return { updated: changed.length };
  });
}

/**
 * Deletes tasks, for roles with `tasks.delete`. Ids the organization does not have are ignored; 404 when it has none of
 * them.
 */
export async function deleteTasks(scope: TenantScope, taskIds: string[]): Promise<{ deleted: number }> {
  return inOrganization(scope, { permission: 'tasks.delete' }, async (tx) => {
    const removed = await tx
      .delete(tasks)
      .where(and(eq(tasks.organizationId, scope.organizationId), inArray(tasks.id, taskIds)))
      .returning({ id: tasks.id });
    if (removed.length === 0) throw new AppError('NOT_FOUND');
    return { deleted: removed.length };
  });
}

async function recentTasks(
  tx: Transaction,
  scope: TenantScope,
  limit: number,
  where?: ReturnType<typeof and>,
  order = [desc(tasks.updatedAt), desc(tasks.id)],
) {
  return tx
    .select(taskListFields)
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.assigneeId))
    .where(and(eq(tasks.organizationId, scope.organizationId), where))
    .orderBy(...order)
    .limit(limit);
}

/**
 * The organization home's figures: counts by status, the viewer's open tasks, the latest changes — one transaction,
 * three indexed reads.
 */
export async function taskOverview(scope: TenantScope, limit = 5): Promise<TaskOverview> {
  return inOrganization(scope, {}, async (tx) => {
    const counted = await tx
      .select({ status: tasks.status, count: sql<number>`count(*)::int` })
      .from(tasks)
      .where(eq(tasks.organizationId, scope.organizationId))
      .groupBy(tasks.status);
    const myOpen = await recentTasks(
      tx,
      scope,
      limit,
      and(eq(tasks.assigneeId, scope.userId), inArray(tasks.status, [...OPEN_TASK_STATUSES])),
      // The order of GET …/tasks?sort=dueDate (the loader's: nulls last, then id), which the home page's widget
      // refreshes from.
      [sql`${tasks.dueDate} asc nulls last`, asc(tasks.id)],
    );
    const recent = await recentTasks(tx, scope, limit);
    const counts = Object.fromEntries(TASK_STATUSES.map((status) => [status, 0])) as Record<TaskStatus, number>;
    for (const row of counted) counts[row.status] = Number(row.count);
    return { counts, myOpen, recent };
  });
}

function assigneesOf(tx: Transaction, scope: TenantScope): Promise<AssigneeOption[]> {
  return tx
    .select({ userId: members.userId, name: users.name })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.organizationId, scope.organizationId))
    .orderBy(asc(sql`lower(${users.name})`), asc(members.userId))
    .limit(1000);
}

/** Who a task can be given to: the organization's members, by name. */
export async function listAssignees(scope: TenantScope): Promise<AssigneeOption[]> {
  return inOrganization(scope, {}, (tx) => assigneesOf(tx, scope));
}

/**
 * The tasks page's data: one page of tasks and who they can be given to, in one tenant transaction (one
 * membership check, one begin and commit) rather than two side by side (docs/performance.md).
 */
export async function listTasksWithAssignees(
  scope: TenantScope,
  query: TaskQuery,
): Promise<{ page: LoadedPage<TaskListRow>; assignees: AssigneeOption[] }> {
  return inOrganization(scope, {}, async (tx) => {
    const page = await taskPages.load(tx, query, { scope: scope.organizationId });
    return { page, assignees: await assigneesOf(tx, scope) };
  });
}
