import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { cn } from '@/ui/cn';
import { tasksPath } from '../paths';
import { TASK_STATUSES, type TaskStatus } from '../task-fields';
import { TaskStatusBadge } from './task-badges';
import { taskQuery } from '../task-query';

/** The organization's tasks per status, each a link to the list filtered by that status. */
export function TaskStatusCounts({ slug, counts }: { slug: string; counts: Record<TaskStatus, number> }) {
  const t = useTranslations('tasks');
  return (
    <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="task-counts">
      {TASK_STATUSES.map((status) => (
        <li key={status}>
          <Link
            href={tasksPath(slug, taskQuery.toSearchParams({ filters: { status: { in: [status] } } }))}
            className={cn(
              'group flex h-full flex-col gap-2 rounded-xl border border-border bg-card p-4 text-card-foreground shadow-sm transition-colors',
              'hover:bg-accent hover:text-accent-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring',
            )}
            data-status={status}
          >
            <TaskStatusBadge status={status} />
            <span className="text-3xl font-semibold tabular-nums" aria-hidden="true">
              {counts[status]}
            </span>
            <span className="sr-only">{t('home.countTasks', { count: counts[status] })}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
