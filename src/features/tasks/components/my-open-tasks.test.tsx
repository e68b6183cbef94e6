import { screen } from '@testing-library/react';
import type { IntlError } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { pickMessages } from '@/platform/i18n/messages';
import { MessagesScope } from '@/platform/i18n/messages-scope';
import { renderInApp } from '../../../../tests/support/components';
import { MY_OPEN_TASKS_MESSAGES } from '../client-messages';
import { MyOpenTasks } from './my-open-tasks';

/*
 * The organization's home sends the browser only the messages its client components use: the root layout's
 * (`common`, `errors`) and MY_OPEN_TASKS_MESSAGES (docs/performance.md). Rendered with exactly those, the widget
 * must find every word it says.
 */
const ROOT_MESSAGES = pickMessages('es', ['common', 'errors']);

describe('My open tasks', () => {
  it('“My open tasks” finds every word it says in what the organization’s home sends', () => {
    const errors: IntlError[] = [];
    renderInApp(
      <MessagesScope messages={pickMessages('es', MY_OPEN_TASKS_MESSAGES)}>
        <MyOpenTasks
          slug="acme"
          links={{ api: '/api/organizations/acme/tasks?mine', list: '/dashboard/acme/tasks?mine' }}
          today="2026-12-07"
          initial={[
            { id: 't1', title: 'Write the plan', status: 'in_progress', priority: 'urgent', dueDate: '2026-12-01' },
            { id: 't2', title: 'Undated', status: 'todo', priority: 'low', dueDate: null },
          ]}
        />
      </MessagesScope>,
      { locale: 'es', messages: ROOT_MESSAGES, onIntlError: (error) => errors.push(error) },
    );
    expect(errors.map((error) => error.message)).toEqual([]);
    const widget = screen.getByTestId('my-open-tasks');
    for (const words of ['En curso', 'Urgente', 'Vencida', 'Ver todas mis tareas abiertas']) {
      expect(widget.textContent).toContain(words);
    }
    expect(screen.getByRole('link', { name: 'Ver todas mis tareas abiertas' }).getAttribute('href')).toBe(
      '/dashboard/acme/tasks?mine',
    );
  });
});
