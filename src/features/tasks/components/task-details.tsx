import { useFormatter, useTranslations } from 'next-intl';
import { Card, CardContent, CardHeader, CardTitle } from '@/ui/card';
import type { TaskDetail } from '../server/tasks';
import { TaskDueDate, TaskPriorityBadge } from './task-badges';
import { TaskStatusControl } from './task-status-control';

/**
 * The body of a task's page: its description (plain text, line breaks kept,
 * never read as HTML) and its facts — status (changed in place), priority,
 * assignee, due date, who created it and when, when it last changed.
 * `today` and `now` come from the server so both renders agree.
 */
export function TaskDetails({
  task,
  organizationId,
  slug,
  today,
  now,
}: {
  task: TaskDetail;
  organizationId: string;
  slug: string;
  today: string;
  now: Date;
}) {
  const t = useTranslations('tasks');
  const format = useFormatter();
  const statusLabelId = `task-${task.id}-status`;
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <Card>
        <CardHeader className="pb-2 sm:pb-2">
          <CardTitle as="h2" className="text-base">
            {t('fields.description')}
          </CardTitle>
        </CardHeader>
        <CardContent>
          {task.description ? (
            <div className="leading-relaxed break-words whitespace-pre-wrap" data-testid="task-description">
              {task.description}
            </div>
          ) : (
            <p className="text-muted-foreground">{t('detail.noDescription')}</p>
          )}
        </CardContent>
      </Card>

      <Card className="lg:sticky lg:top-20">
        <CardHeader className="pb-2 sm:pb-2">
          <CardTitle as="h2" className="text-base">
            {t('detail.details')}
          </CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-4 text-sm">
            <div className="grid gap-1.5">
              <dt id={statusLabelId} className="font-medium text-muted-foreground">
                {t('fields.status')}
              </dt>
              <dd>
                <TaskStatusControl
                  organizationId={organizationId}
                  slug={slug}
                  taskId={task.id}
                  status={task.status}
                  labelledBy={statusLabelId}
                />
              </dd>
            </div>
            <Fact label={t('fields.priority')}>
              <TaskPriorityBadge priority={task.priority} />
            </Fact>
            <Fact label={t('fields.assignee')} testId="task-assignee">
              {task.assigneeName ?? <span className="text-muted-foreground">{t('unassigned')}</span>}
            </Fact>
            <Fact label={t('fields.dueDate')} testId="task-due-date">
              <TaskDueDate dueDate={task.dueDate} status={task.status} today={today} />
            </Fact>
            <Fact label={t('fields.createdBy')}>
              {task.createdByName ?? <span className="text-muted-foreground">{t('detail.formerMember')}</span>}
            </Fact>
            <Fact label={t('fields.createdAt')}>
              <time dateTime={task.createdAt.toISOString()}>{when(task.createdAt)}</time>
            </Fact>
            <Fact label={t('fields.updatedAt')}>
              <time dateTime={task.updatedAt.toISOString()} title={when(task.updatedAt)}>
                {format.relativeTime(task.updatedAt, now)}
              </time>
            </Fact>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}

function Fact({ label, testId, children }: { label: string; testId?: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1">
      <dt className="font-medium text-muted-foreground">{label}</dt>
      <dd className="break-words text-foreground" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
