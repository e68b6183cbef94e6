'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useLayoutEffect } from 'react';
import { useApi } from '@/platform/http/client/use-api';
import { taskPath } from '../paths';
import type { TaskListRow } from '../server/task-pages';
import { TaskDueDate, TaskPriorityBadge, TaskStatusBadge } from './task-badges';

/** How many of the viewer's open tasks the home page shows. */
const MY_OPEN_TASKS_SHOWN = 5;

/** What the widget shows of a task (the API's JSON and the server's rows both have it). */
export type MyOpenTask = Pick<TaskListRow, 'id' | 'title' | 'status' | 'priority' | 'dueDate'>;

/**
 * "My open tasks" on the organization's home. It shows the rows the server
 * rendered (taskOverview) — no loading state, no request on mount — and
 * refreshes from GET /api/organizations/<slug>/tasks when the window regains
 * focus (someone may have assigned a task meanwhile).
 *
 * SWR prefers its cache to `fallbackData`, and the cache may hold what an
 * earlier visit read. The rows the server rendered for this visit are newer,
 * so they replace the cached ones before the browser paints: coming back
 * after changing a task never shows the task as it was.
 */
export function MyOpenTasks({
  slug,
  links,
  today,
  initial,
}: {
  slug: string;
  /** Where it refreshes from and what it links to: myOpenTasksLinks, on the server. */
  links: { api: string; list: string };
  today: string;
  initial: MyOpenTask[];
}) {
  const t = useTranslations('tasks.home.myOpen');
  const { data, error, mutate } = useApi<{ rows: MyOpenTask[] }>(links.api, {
    fallbackData: { rows: initial },
    revalidateOnMount: false,
    revalidateOnFocus: true,
  });
  useLayoutEffect(() => {
    void mutate({ rows: initial }, { revalidate: false });
  }, [initial, mutate]);
  const rows = (data?.rows ?? initial).slice(0, MY_OPEN_TASKS_SHOWN);

  return (
    <div className="grid gap-3" data-testid="my-open-tasks">
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-border">
          {rows.map((task) => (
            <li key={task.id} className="grid gap-1 py-3 first:pt-0 last:pb-0">
              <Link
                href={taskPath(slug, task.id)}
                className="truncate rounded-sm font-medium text-foreground underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
              >
                {task.title}
              </Link>
              <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
                <TaskStatusBadge status={task.status} />
                <TaskPriorityBadge priority={task.priority} />
                <TaskDueDate dueDate={task.dueDate} status={task.status} today={today} showNone={false} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p role="status" className="text-sm text-muted-foreground">
          {t('refreshFailed')}
        </p>
      ) : null}
      <Link
        href={links.list}
        className="w-fit rounded-sm text-sm font-medium text-link underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        {t('seeAll')}
      </Link>
    </div>
  );
}
