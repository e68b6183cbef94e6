import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionResult } from '@/platform/http/errors';
import { renderInApp } from '../../../../tests/support/components';
import { TaskForm } from './task-form';

/*
 * The server action is replaced at the module boundary: this test is about
 * what the browser does (checks, messages, the pending state, what it sends).
 * What the action does is tested on PostgreSQL (tests/integration/tasks) and
 * end to end (tests/e2e/tasks.spec.ts).
 */
const actions = vi.hoisted(() => {
  let settle: (result: ActionResult<unknown>) => void = () => undefined;
  return {
    sent: [] as FormData[],
    createTaskAction: async (_previous: unknown, form: FormData) => {
      actions.sent.push(form);
      return new Promise<ActionResult<unknown>>((resolve) => (settle = resolve));
    },
    settle: (result: ActionResult<unknown>) => settle(result),
  };
});
vi.mock('@/features/tasks/server/actions', () => ({
  createTaskAction: actions.createTaskAction,
  updateTaskAction: vi.fn(),
}));

const ORGANIZATION_ID = '5a0c8a5e-8f0e-4c55-9a53-8c1a5f1d2b3c';
const assignees = [{ userId: 'b3f1e0a2-1111-4c55-9a53-8c1a5f1d2b3c', name: 'Ada Lovelace' }];

function renderForm(locale: 'en' | 'es' = 'en') {
  return renderInApp(<TaskForm organizationId={ORGANIZATION_ID} slug="acme" assignees={assignees} />, {
    locale,
    url: '/dashboard/acme/tasks/new',
  });
}

beforeEach(() => {
  actions.sent.length = 0;
});

describe('TaskForm', () => {
  it('checks the fields in the browser, in the user’s language, before sending anything', async () => {
    const { user } = renderForm('es');
    await user.click(screen.getByRole('button', { name: 'Crear tarea' }));
    const title = screen.getByRole('textbox', { name: 'Título' });
    // The resolver checks asynchronously: on a busy machine the message lands a moment after the click.
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('alert').textContent).toBe('Este campo es obligatorio.');
    expect(document.activeElement).toBe(title);
    expect(actions.sent).toHaveLength(0);

    // Fixing the field clears its message.
    await user.type(title, 'Escribir el plan');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('sends the fields with the CSRF token, disables the button while pending, and shows a refusal under its field', async () => {
    const { user } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Write the launch plan');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Assignee' }), 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Create task' }));

    await waitFor(() => expect(actions.sent).toHaveLength(1));
    const sent = actions.sent[0]!;
    expect(sent.get('title')).toBe('Write the launch plan');
    expect(sent.get('assigneeId')).toBe(assignees[0]!.userId);
    expect(sent.get('organizationId')).toBe(ORGANIZATION_ID);
    expect(sent.get('csrf_token')).toBe('test-csrf-token');
    const pending = screen.getByRole('button', { name: 'Creating…' }) as HTMLButtonElement;
    expect(pending.disabled).toBe(true);
    expect(pending.getAttribute('aria-busy')).toBe('true');

    actions.settle({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        status: 400,
        message: 'Some fields need your attention.',
        fieldErrors: { assigneeId: ['This person is no longer a member.'] },
        requestId: 'req_1',
      },
    });
    const button = await screen.findByRole('button', { name: 'Create task' });
    expect((button as HTMLButtonElement).disabled).toBe(false);
    expect((await screen.findByRole('alert')).textContent).toBe('This person is no longer a member.');
    expect(screen.getByRole('combobox', { name: 'Assignee' }).getAttribute('aria-invalid')).toBe('true');
    // What was typed stays.
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Write the launch plan');
  });
});
