'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useOptimistic, useTransition } from 'react';
import { CsrfField } from '@/platform/http/client/csrf-token-provider';
import { useAction } from '@/platform/http/client/use-action';
import { Button } from '@/ui/button';
import { NativeSelect } from '@/ui/native-select';
import { toast } from '@/ui/toast';
import { taskPath } from '../paths';
import { setTasksStatusAction } from '../server/actions';
import { TASK_STATUSES, type TaskStatus } from '../task-fields';
import { forgetTaskReads } from './task-reads';

/**
 * A task's status, changed in place. The new status shows at once
 * (useOptimistic); the action saves it and the page re-renders with the
 * server's value. A refusal puts the old status back and says why in a toast.
 *
 * Before JavaScript loads it is a small form: pick a status, press the button.
 */
export function TaskStatusControl({
  organizationId,
  slug,
  taskId,
  status,
  labelledBy,
}: {
  organizationId: string;
  slug: string;
  taskId: string;
  status: TaskStatus;
  /** The id of the element naming the control ("Status"). */
  labelledBy: string;
}) {
  const t = useTranslations('tasks');
  const [shown, showStatus] = useOptimistic(status);
  const [, startTransition] = useTransition();
  const { run } = useAction(setTasksStatusAction);
  // Only used by the form posted without JavaScript.
  const [posted, formAction] = useActionState(setTasksStatusAction, null, taskPath(slug, taskId));

  function change(next: TaskStatus) {
    startTransition(async () => {
      showStatus(next);
      const result = await run({ organizationId, taskIds: [taskId], status: next });
      // A task deleted meanwhile is refused (404) like any other failure: its message says so.
      if (!result.ok) {
        toast.error({ title: t('detail.statusFailed'), description: result.error.message });
      } else {
        forgetTaskReads(slug);
      }
    });
  }

  return (
    <form action={formAction} className="grid gap-2">
      <CsrfField />
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="taskIds" value={taskId} />
      <NativeSelect
        name="status"
        value={shown}
        onChange={(event) => change(event.target.value as TaskStatus)}
        aria-labelledby={labelledBy}
        data-testid="task-status-control"
        className="h-9"
      >
        {TASK_STATUSES.map((option) => (
          <option key={option} value={option}>
            {t(`status.${option}`)}
          </option>
        ))}
      </NativeSelect>
      <noscript>
        <Button type="submit" variant="outline" size="sm">
          {t('detail.changeStatus')}
        </Button>
      </noscript>
      {posted && !posted.ok ? (
        <p role="alert" className="text-sm font-medium text-destructive dark:text-foreground">
          {posted.error.message}
        </p>
      ) : null}
    </form>
  );
}
