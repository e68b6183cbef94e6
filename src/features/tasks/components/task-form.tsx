'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { UpgradePrompt } from '@/features/billing/components/upgrade-prompt';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage, TextField } from '@/ui/form';
import { NativeSelect } from '@/ui/native-select';
import { Textarea } from '@/ui/textarea';
import { newTaskPath, taskPath, tasksPath } from '../paths';
import { taskFieldsSchema } from '../schemas';
import { createTaskAction, updateTaskAction } from '../server/actions';
import type { AssigneeOption } from '../server/tasks';
import {
  TASK_DESCRIPTION_MAX_LENGTH,
  TASK_PRIORITIES,
  TASK_STATUSES,
  TASK_TITLE_MAX_LENGTH,
  type TaskPriority,
  type TaskStatus,
} from '../task-fields';
import { forgetTaskReads } from './task-reads';

/** A task's fields as the form starts with them (edit), the form's own strings. */
export interface TaskFormValues {
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  /** YYYY-MM-DD or ''. */
  dueDate: string;
  /** A member's user id or '' (nobody). */
  assigneeId: string;
}

const FIELDS = ['title', 'description', 'status', 'priority', 'dueDate', 'assigneeId'] as const;
const EMPTY: TaskFormValues = {
  title: '',
  description: '',
  status: 'todo',
  priority: 'medium',
  dueDate: '',
  assigneeId: '',
};

/**
 * Creates a task, or edits one (given `task`). The browser checks the fields
 * with the schema the server uses; the server's refusals (an assignee who is
 * no longer a member) land under their field, and what was typed stays. On
 * success the action redirects to the task's page — with or without
 * JavaScript: before it loads, the browser posts the form and the page at
 * `permalink` shows the outcome.
 */
export function TaskForm({
  organizationId,
  slug,
  assignees,
  task,
}: {
  organizationId: string;
  slug: string;
  /** The members a task can be given to (listAssignees). */
  assignees: AssigneeOption[];
  /** The task being edited; a new one when absent. */
  task?: { id: string; values: TaskFormValues; assigneeName: string | null };
}) {
  const t = useTranslations('tasks');
  const state = useActionForm({
    schema: taskFieldsSchema,
    action: task ? updateTaskAction : createTaskAction,
    defaultValues: task?.values ?? EMPTY,
    permalink: task ? taskPath(slug, task.id, 'edit') : newTaskPath(slug),
  });
  const submit = state.onSubmit;
  // Success leaves this page by a redirect, so the browser's copies of task
  // lists ("My open tasks") are dropped as the form goes: the pages rendered
  // next carry fresh ones.
  const formState = {
    ...state,
    onSubmit: (event?: React.BaseSyntheticEvent) => {
      forgetTaskReads(slug);
      return submit(event);
    },
  };

  // The current assignee stays choosable even when the list leaves them out (it is capped).
  const options =
    task?.values.assigneeId && !assignees.some((option) => option.userId === task.values.assigneeId)
      ? [...assignees, { userId: task.values.assigneeId, name: task.assigneeName ?? task.values.assigneeId }]
      : assignees;

  return (
    <ActionForm
      state={formState}
      className="grid gap-5"
      aria-label={task ? t('form.editTitle') : t('form.newTitle')}
      data-testid="task-form"
    >
      {/* At the plan's task limit the refusal says so and leads to the plans. */}
      {state.result && !state.result.ok && state.result.error.code === 'PLAN_UPGRADE_REQUIRED' ? (
        <UpgradePrompt slug={slug} message={state.result.error.message} />
      ) : (
        <FormError state={state} fields={FIELDS} />
      )}
      <input type="hidden" name="organizationId" value={organizationId} />
      {task ? <input type="hidden" name="taskId" value={task.id} /> : null}

      <TextField
        control={state.form.control}
        name="title"
        label={t('fields.title')}
        maxLength={TASK_TITLE_MAX_LENGTH}
        autoComplete="off"
      />

      <FormField
        control={state.form.control}
        name="description"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t('fields.description')}</FormLabel>
            <FormControl>
              <Textarea
                {...field}
                value={field.value ?? ''}
                rows={6}
                maxLength={TASK_DESCRIPTION_MAX_LENGTH}
                className="max-h-96"
              />
            </FormControl>
            <FormDescription>{t('form.descriptionHint')}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />

      <div className="grid gap-5 sm:grid-cols-2">
        <FormField
          control={state.form.control}
          name="status"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t('fields.status')}</FormLabel>
              <FormControl>
                <NativeSelect {...field} value={field.value ?? 'todo'}>
                  {TASK_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`status.${status}`)}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={state.form.control}
          name="priority"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t('fields.priority')}</FormLabel>
              <FormControl>
                <NativeSelect {...field} value={field.value ?? 'medium'}>
                  {TASK_PRIORITIES.map((priority) => (
                    <option key={priority} value={priority}>
                      {t(`priority.${priority}`)}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <TextField control={state.form.control} name="dueDate" label={t('fields.dueDate')} type="date" />
        <FormField
          control={state.form.control}
          name="assigneeId"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t('fields.assignee')}</FormLabel>
              <FormControl>
                <NativeSelect {...field} value={(field.value as string | null | undefined) ?? ''}>
                  <option value="">{t('unassigned')}</option>
                  {options.map((option) => (
                    <option key={option.userId} value={option.userId}>
                      {option.name || option.userId}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
      </div>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button asChild variant="outline">
          <Link href={task ? taskPath(slug, task.id) : tasksPath(slug)}>{t('form.cancel')}</Link>
        </Button>
        <Button type="submit" loading={state.pending} loadingLabel={task ? t('form.saving') : t('form.creating')}>
          {task ? t('form.save') : t('form.create')}
        </Button>
      </div>
    </ActionForm>
  );
}
