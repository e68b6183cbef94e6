'use client';

import { Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';
import { CsrfField } from '@/platform/http/client/csrf-token-provider';
import type { ActionResult } from '@/platform/http/errors';
import { Button } from '@/ui/button';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { toast } from '@/ui/toast';
import { tasksPath } from '../paths';
import { deleteTasksAction } from '../server/actions';
import { forgetTaskReads } from './task-reads';

/**
 * "Delete" on a task's page, for roles with tasks.delete: asks first, then
 * deletes and goes to the tasks list with a toast. The navigation happens
 * inside the same transition as the action, so the page being left is not
 * shown again without its task (it would be a 404) before the list arrives.
 * A refusal stays in the dialog, in the user's language.
 */
export function DeleteTaskDialog({
  organizationId,
  slug,
  taskId,
  title,
}: {
  organizationId: string;
  slug: string;
  taskId: string;
  title: string;
}) {
  const t = useTranslations('tasks.detail.deleteDialog');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [result, formAction, pending] = useActionState(
    async (_previous: ActionResult<{ deleted: number }> | null, form: FormData) => {
      const outcome = await deleteTasksAction(form);
      if (outcome.ok) {
        forgetTaskReads(slug);
        toast.success({ title: t('deleted', { title }) });
        router.push(tasksPath(slug));
      }
      return outcome;
    },
    null,
  );
  // A refusal belongs to the attempt that got it: opening the dialog again starts clean.
  const [seen, setSeen] = useState<typeof result>(null);
  const refusal = result && !result.ok && result !== seen ? result : null;

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        if (next) setSeen(result);
        setOpen(next);
      }}
      trigger={
        <Button
          variant="outline"
          className="text-destructive hover:text-destructive dark:text-foreground dark:hover:text-foreground"
        >
          <Trash2 aria-hidden="true" />
          {t('open')}
        </Button>
      }
      title={t('title')}
      description={t('description', { title })}
      cancelLabel={t('cancel')}
      confirmLabel={t('submit')}
      pendingLabel={t('submitting')}
      pending={pending}
      error={refusal?.error}
      form={(content) => (
        <form action={formAction} className="grid gap-4">
          <CsrfField />
          <input type="hidden" name="organizationId" value={organizationId} />
          <input type="hidden" name="taskIds" value={taskId} />
          {content}
        </form>
      )}
    />
  );
}
