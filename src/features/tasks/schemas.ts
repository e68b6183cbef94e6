import { z } from 'zod';
import { calendarDateSchema } from '@/platform/data/table-query';
import { multiLineText, singleLineText } from '@/platform/http/text-fields';
import { TASK_DESCRIPTION_MAX_LENGTH, TASK_PRIORITIES, TASK_STATUSES, TASK_TITLE_MAX_LENGTH } from './task-fields';

/** The most tasks one bulk change or delete may name (a page of the list at its largest). */
export const MAX_BULK_TASKS = 100;

const idField = z.uuid();
/** Forms send '' for "none". */
const emptyAsNull = (value: unknown) => (value === '' ? null : value);

/** A task's editable fields, as the create and edit forms send them. */
export const taskFieldsSchema = z.object({
  title: singleLineText().min(1).max(TASK_TITLE_MAX_LENGTH),
  description: multiLineText().max(TASK_DESCRIPTION_MAX_LENGTH).default(''),
  status: z.enum(TASK_STATUSES).default('todo'),
  priority: z.enum(TASK_PRIORITIES).default('medium'),
  dueDate: z.preprocess(emptyAsNull, calendarDateSchema.nullable().default(null)),
  /** A member's user id, or null for nobody. */
  assigneeId: z.preprocess(emptyAsNull, singleLineText().min(1).max(64).nullable().default(null)),
});
export type TaskFields = z.output<typeof taskFieldsSchema>;

export const createTaskSchema = taskFieldsSchema.extend({ organizationId: idField });
export const updateTaskSchema = taskFieldsSchema.extend({ organizationId: idField, taskId: idField });

/** One id or several (a form's repeated `taskIds`). */
const taskIds = z.preprocess(
  (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]),
  z.array(idField).min(1).max(MAX_BULK_TASKS),
);

export const deleteTasksSchema = z.object({ organizationId: idField, taskIds });
export const setTasksStatusSchema = z.object({ organizationId: idField, taskIds, status: z.enum(TASK_STATUSES) });
