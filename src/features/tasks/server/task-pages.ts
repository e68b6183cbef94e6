import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { users } from '@/features/auth/server/schema';
import { defineDataLoader } from '@/platform/db/data-loader';
import type { TaskPriority, TaskStatus } from '../task-fields';
import { taskQuery, type TaskFilterSpecs, type TaskSortColumn } from '../task-query';
import { tasks } from './schema';

/** A task as lists show it (no description: it can be long). */
export interface TaskListRow {
  id: string;
  title: string;
  status: TaskStatus;
  priority: TaskPriority;
  /** YYYY-MM-DD, or null. */
  dueDate: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const taskListFields = {
  id: tasks.id,
  title: tasks.title,
  status: tasks.status,
  priority: tasks.priority,
  dueDate: tasks.dueDate,
  assigneeId: tasks.assigneeId,
  assigneeName: users.name,
  createdAt: tasks.createdAt,
  updatedAt: tasks.updatedAt,
};

/** The tasks list's loader: each name the URL may use, bound to its column. */
export const taskPages = defineDataLoader<TaskListRow, TaskSortColumn, TaskFilterSpecs>(taskQuery, {
  table: tasks,
  fields: taskListFields,
  joins: [{ table: users, on: eq(users.id, tasks.assigneeId) }],
  scopeColumn: tasks.organizationId,
  sorts: {
    title: tasks.title,
    status: tasks.status,
    priority: tasks.priority,
    dueDate: tasks.dueDate,
    createdAt: tasks.createdAt,
    updatedAt: tasks.updatedAt,
  },
  tiebreaker: tasks.id,
  filters: {
    status: tasks.status,
    priority: tasks.priority,
    assignee: tasks.assigneeId,
    title: tasks.title,
    due: tasks.dueDate,
    created: tasks.createdAt,
  },
  search: [tasks.title, tasks.description],
  // The acting organization's matches, from the trigram indexes (drizzle/0016_task_sorts_and_search.sql,
  // decision 0043): the rows are still read under the tenant policy.
  searchCondition: (pattern) => sql`${tasks.id} in (select keel_task_search(${pattern}))`,
});
