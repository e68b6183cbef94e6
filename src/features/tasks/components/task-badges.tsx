import { CalendarClock } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import { Badge, type BadgeProps } from '@/ui/badge';
import { cn } from '@/ui/cn';
import { dueDateAsDate, isOverdue } from '../due-date';
import type { TaskPriority, TaskStatus } from '../task-fields';

/*
 * How a task's status, priority and due date look wherever tasks are shown.
 * The words say it all; the colours only help the eye. They render on the
 * server and in the browser alike.
 */

const statusVariants: Record<TaskStatus, BadgeProps['variant']> = {
  todo: 'outline',
  in_progress: 'default',
  done: 'success',
  canceled: 'secondary',
};

const priorityVariants: Record<TaskPriority, BadgeProps['variant']> = {
  low: 'outline',
  medium: 'secondary',
  high: 'warning',
  urgent: 'destructive',
};

export function TaskStatusBadge({ status, className }: { status: TaskStatus; className?: string }) {
  const tStatus = useTranslations('tasks.status');
  return (
    <Badge variant={statusVariants[status]} className={className} data-status={status}>
      {tStatus(status)}
    </Badge>
  );
}

export function TaskPriorityBadge({ priority, className }: { priority: TaskPriority; className?: string }) {
  const tPriority = useTranslations('tasks.priority');
  return (
    <Badge variant={priorityVariants[priority]} className={className} data-priority={priority}>
      {tPriority(priority)}
    </Badge>
  );
}

/**
 * The due day ("Mar 4, 2026"), with "Overdue" when an open task is late.
 * `today` comes from the server (todayInUtc) so both renders agree.
 */
export function TaskDueDate({
  dueDate,
  status,
  today,
  showNone = true,
  className,
}: {
  dueDate: string | null;
  status: TaskStatus;
  today: string;
  /** Say "No due date" rather than nothing. */
  showNone?: boolean;
  className?: string;
}) {
  const t = useTranslations('tasks');
  const format = useFormatter();
  if (!dueDate)
    return showNone ? <span className={cn('text-muted-foreground', className)}>{t('noDueDate')}</span> : null;
  const overdue = isOverdue({ dueDate, status }, today);
  return (
    <span className={cn('inline-flex flex-wrap items-center gap-1.5', className)} data-overdue={overdue || undefined}>
      <time dateTime={dueDate} className={cn(overdue && 'font-medium text-destructive dark:text-foreground')}>
        {format.dateTime(dueDateAsDate(dueDate), { dateStyle: 'medium', timeZone: 'UTC' })}
      </time>
      {overdue ? (
        <Badge variant="destructive">
          <CalendarClock aria-hidden="true" />
          {t('detail.overdue')}
        </Badge>
      ) : null}
    </span>
  );
}
