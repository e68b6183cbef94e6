import {
  ArrowDown,
  ArrowRight,
  ArrowUp,
  CalendarClock,
  Circle,
  CircleCheck,
  CircleDot,
  CircleX,
  TriangleAlert,
  type LucideIcon,
} from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/ui/badge';
import { cn } from '@/ui/cn';
import { dueDateAsDate, isOverdue } from '../due-date';
import type { TaskPriority, TaskStatus } from '../task-fields';

/*
 * How a task's status, priority and due date look wherever tasks are shown.
 * The words say it all; the colours only help the eye. They render on the
 * server and in the browser alike.
 */

/*
 * One badge per status and one per priority, used by the list, the task page
 * and the home page alike. Each is an outlined badge whose text is in the
 * foreground colour (readable in both themes); an icon of its own shape, in
 * the tone's colour, helps the eye, so colour is never the only signal.
 */
const statusLooks: Record<TaskStatus, { icon: LucideIcon; tone: string }> = {
  todo: { icon: Circle, tone: 'text-muted-foreground' },
  in_progress: { icon: CircleDot, tone: 'text-primary' },
  done: { icon: CircleCheck, tone: 'text-success' },
  canceled: { icon: CircleX, tone: 'text-muted-foreground' },
};

const priorityLooks: Record<TaskPriority, { icon: LucideIcon; tone: string }> = {
  low: { icon: ArrowDown, tone: 'text-muted-foreground' },
  medium: { icon: ArrowRight, tone: 'text-primary' },
  high: { icon: ArrowUp, tone: 'text-warning' },
  urgent: { icon: TriangleAlert, tone: 'text-destructive' },
};

const taskBadge = 'bg-card text-foreground [&_svg]:size-3.5';

export function TaskStatusBadge({ status, className }: { status: TaskStatus; className?: string }) {
  const tStatus = useTranslations('tasks.status');
  const { icon: Icon, tone } = statusLooks[status];
  return (
    <Badge variant="outline" className={cn(taskBadge, className)} data-status={status}>
      <Icon aria-hidden="true" className={tone} />
      {tStatus(status)}
    </Badge>
  );
}

export function TaskPriorityBadge({ priority, className }: { priority: TaskPriority; className?: string }) {
  const tPriority = useTranslations('tasks.priority');
  const { icon: Icon, tone } = priorityLooks[priority];
  return (
    <Badge variant="outline" className={cn(taskBadge, className)} data-priority={priority}>
      <Icon aria-hidden="true" className={tone} />
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
