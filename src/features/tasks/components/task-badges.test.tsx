import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInApp } from '../../../../tests/support/components';
import { TASK_PRIORITIES, TASK_STATUSES } from '../task-fields';
import { TaskPriorityBadge, TaskStatusBadge } from './task-badges';

/*
 * The badges every tasks page uses: the word is always there (colour is never
 * the only signal), each value has an icon of its own, and the text keeps the
 * foreground colour so it reads in both themes.
 */
describe('task badges', () => {
  it('says each status in words, with an icon of its own', () => {
    renderInApp(
      <>
        {TASK_STATUSES.map((status) => (
          <TaskStatusBadge key={status} status={status} />
        ))}
      </>,
      { locale: 'es' },
    );
    for (const [status, label] of [
      ['todo', 'Por hacer'],
      ['in_progress', 'En curso'],
      ['done', 'Hecha'],
      ['canceled', 'Cancelada'],
    ] as const) {
      const badge = screen.getByText(label).closest('[data-status]')!;
      expect(badge.getAttribute('data-status')).toBe(status);
      expect(badge.className).toContain('text-foreground');
    }
    const icons = document.querySelectorAll('[data-status] svg[aria-hidden="true"]');
    expect(new Set([...icons].map((icon) => icon.getAttribute('class'))).size).toBe(TASK_STATUSES.length);
  });

  it('says each priority in words, with an icon of its own', () => {
    renderInApp(
      <>
        {TASK_PRIORITIES.map((priority) => (
          <TaskPriorityBadge key={priority} priority={priority} />
        ))}
      </>,
    );
    for (const [priority, label] of [
      ['low', 'Low'],
      ['medium', 'Medium'],
      ['high', 'High'],
      ['urgent', 'Urgent'],
    ] as const) {
      const badge = screen.getByText(label).closest('[data-priority]')!;
      expect(badge.getAttribute('data-priority')).toBe(priority);
      expect(badge.className).toContain('text-foreground');
    }
    const icons = document.querySelectorAll('[data-priority] svg[aria-hidden="true"]');
    expect(new Set([...icons].map((icon) => icon.getAttribute('class'))).size).toBe(TASK_PRIORITIES.length);
  });
});
