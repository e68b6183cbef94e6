import type { MessagePath } from '@/platform/i18n/messages';

/**
 * The messages the tasks feature's client components use, per place (ClientMessages, docs/performance.md).
 * The organization's home shows only "My open tasks" (its badges and due dates); every tasks page may show any.
 */
export const MY_OPEN_TASKS_MESSAGES = [
  'tasks.home.myOpen',
  'tasks.status',
  'tasks.priority',
  'tasks.noDueDate',
  'tasks.detail.overdue',
] as const satisfies readonly MessagePath[];

/** The tasks pages: the list, its filters and bulk actions, the form (with its plan-limit prompt), a task. */
export const TASKS_PAGES_MESSAGES = ['tasks', 'billing.limits'] as const satisfies readonly MessagePath[];
