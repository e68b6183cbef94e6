import { OPEN_TASK_STATUSES, type TaskStatus } from './task-fields';

/*
 * Due dates are calendar days (YYYY-MM-DD) with no time zone. "Today" is the
 * day in UTC, the zone the app formats dates in (src/platform/i18n/request.ts):
 * the server computes it once and hands it to the components, so the page and
 * its hydration agree even around midnight.
 */

/** Today's calendar day, YYYY-MM-DD in UTC. */
export function todayInUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A task is overdue while it is still open and its due day has passed (the due day itself is not late). */
export function isOverdue(task: { dueDate: string | null; status: TaskStatus }, today: string): boolean {
  return (
    task.dueDate !== null && task.dueDate < today && (OPEN_TASK_STATUSES as readonly TaskStatus[]).includes(task.status)
  );
}

/** The due day as a Date at UTC midnight, for formatting with `timeZone: 'UTC'`. */
export function dueDateAsDate(dueDate: string): Date {
  return new Date(`${dueDate}T00:00:00Z`);
}
