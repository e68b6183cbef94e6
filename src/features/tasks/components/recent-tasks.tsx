import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { taskPath } from '../paths';
import type { TaskListRow } from '../server/task-pages';
import { TaskStatusBadge } from './task-badges';

/** The tasks changed last, newest first (server-rendered from taskOverview). `now` comes from the server. */
export function RecentTasks({ slug, tasks, now }: { slug: string; tasks: TaskListRow[]; now: Date }) {
  const t = useTranslations('tasks');
  const format = useFormatter();
  return (
    <ul className="divide-y divide-border" data-testid="recent-tasks">
      {tasks.map((task) => (
        <li key={task.id} className="grid gap-1 py-3 first:pt-0 last:pb-0">
          <Link
            href={taskPath(slug, task.id)}
            className="truncate rounded-sm font-medium text-foreground underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            {task.title}
          </Link>
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted-foreground">
            <TaskStatusBadge status={task.status} />
            {/* One run of text, so it wraps as a sentence on narrow screens. */}
            <span>
              {task.assigneeName ?? t('unassigned')}
              <span aria-hidden="true"> · </span>
              <time
                dateTime={task.updatedAt.toISOString()}
                title={format.dateTime(task.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}
              >
                {t('home.recent.updated', { time: format.relativeTime(task.updatedAt, now) })}
              </time>
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
