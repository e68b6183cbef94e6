/**
 * The values a task's status and priority take, in their natural order (the
 * database enums sort in this order too). Shared by the schema, validation
 * and the UI. Adding one: add it here and in a migration
 * (`ALTER TYPE task_status ADD VALUE 'blocked' AFTER 'in_progress'`), then its label
 * under `tasks.status` / `tasks.priority` in messages/*.
 */
export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'canceled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Statuses that count as open work ("my open tasks", the home page's counts). */
export const OPEN_TASK_STATUSES = ['todo', 'in_progress'] as const satisfies readonly TaskStatus[];

export const TASK_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_TITLE_MAX_LENGTH = 200;
export const TASK_DESCRIPTION_MAX_LENGTH = 10_000;
