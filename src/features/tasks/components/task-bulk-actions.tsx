'use client';

import { ChevronDown, Trash2, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useAction } from '@/platform/http/client/use-action';
import { Button } from '@/ui/button';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/ui/dropdown-menu';
import { toast } from '@/ui/toast';
import { deleteTasksAction, setTasksStatusAction } from '../server/actions';
import { forgetTaskReads } from './task-reads';
import { TASK_STATUSES, type TaskStatus } from '../task-fields';

export interface TaskBulkActionsProps {
  organization: { id: string; name: string; slug: string };
  /** The selected tasks' ids (at most a page of them). */
  taskIds: string[];
  /** Whether the viewer's role may delete tasks (`tasks.delete`); the server checks again. */
  canDelete: boolean;
  /** Shows the new status on the rows at once; undone by itself if the change fails. */
  showStatus: (change: { taskIds: string[]; status: TaskStatus }) => void;
  /** Forgets the selection (after a change, or on request). */
  onClear: () => void;
}

/**
 * What can be done to the selected tasks: change their status (shown at
 * once, rolled back with a message if the server refuses) and, for roles
 * that may, delete them after a confirmation. The server action revalidates
 * the organization's pages, so the list that comes back is the server's.
 */
export function TaskBulkActions({ organization, taskIds, canDelete, showStatus, onClear }: TaskBulkActionsProps) {
  const t = useTranslations('tasks');
  const setStatus = useAction(setTasksStatusAction);
  const remove = useAction(deleteTasksAction);
  const [changing, startChange] = useTransition();
  const [deleting, startDelete] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const count = taskIds.length;

  const changeStatus = (status: TaskStatus) => {
    const ids = [...taskIds];
    startChange(async () => {
      showStatus({ taskIds: ids, status });
      const result = await setStatus.run({ organizationId: organization.id, taskIds: ids, status });
      if (result.ok) {
        forgetTaskReads(organization.slug);
        toast.success({
          title: t('list.bulk.statusChanged', { count: result.data.updated, status: t(`status.${status}`) }),
        });
        onClear();
      } else {
        toast.error({ title: t('list.bulk.statusFailed'), description: result.error.message });
      }
    });
  };

  const deleteSelected = () => {
    const ids = [...taskIds];
    startDelete(async () => {
      const result = await remove.run({ organizationId: organization.id, taskIds: ids });
      setConfirming(false);
      if (result.ok) {
        forgetTaskReads(organization.slug);
        toast.success({ title: t('list.bulk.deleted', { count: result.data.deleted }) });
        onClear();
      } else {
        toast.error({ title: t('list.bulk.deleteFailed'), description: result.error.message });
      }
    });
  };

  return (
    // Floats at the bottom of the window: appearing above the table would push the rows down under the pointer between
    // two clicks.
    <div
      role="group"
      aria-label={t('list.bulk.label')}
      className="fixed inset-x-0 bottom-4 z-40 mx-auto flex w-fit max-w-[calc(100%-2rem)] flex-wrap items-center gap-2 rounded-lg border border-border bg-popover px-3 py-2 text-popover-foreground shadow-lg"
      data-testid="task-bulk-actions"
    >
      <p className="me-2 text-sm font-medium whitespace-nowrap">{t('list.bulk.selected', { count })}</p>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" loading={changing}>
            {t('list.bulk.changeStatus')}
            <ChevronDown aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {TASK_STATUSES.map((status) => (
            <DropdownMenuItem key={status} onSelect={() => changeStatus(status)}>
              {t(`status.${status}`)}
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      {canDelete ? (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          trigger={
            <Button variant="outline" size="sm">
              <Trash2 aria-hidden="true" />
              {t('list.bulk.delete')}
            </Button>
          }
          title={t('list.bulk.deleteTitle', { count })}
          description={t('list.bulk.deleteDescription', { count, organization: organization.name })}
          cancelLabel={t('list.bulk.cancel')}
          confirmLabel={t('list.bulk.confirmDelete', { count })}
          pendingLabel={t('list.bulk.deleting')}
          pending={deleting}
          onConfirm={deleteSelected}
        />
      ) : null}
      <Button variant="ghost" size="sm" onClick={onClear}>
        <X aria-hidden="true" />
        {t('list.bulk.clearSelection')}
      </Button>
    </div>
  );
}
