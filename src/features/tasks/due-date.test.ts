import { describe, expect, it } from 'vitest';
import { dueDateAsDate, isOverdue, todayInUtc } from './due-date';

describe('due dates', () => {
  it('today is the UTC calendar day', () => {
    expect(todayInUtc(new Date('2026-03-01T23:30:00-05:00'))).toBe('2026-03-02');
    expect(todayInUtc(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
  });

  it('an open task is overdue once its day has passed, not on the day', () => {
    expect(isOverdue({ dueDate: '2026-03-01', status: 'todo' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ dueDate: '2026-03-01', status: 'in_progress' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ dueDate: '2026-03-02', status: 'todo' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ dueDate: '2026-03-03', status: 'todo' }, '2026-03-02')).toBe(false);
  });

  it('done, canceled and undated tasks are never overdue', () => {
    expect(isOverdue({ dueDate: '2026-01-01', status: 'done' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ dueDate: '2026-01-01', status: 'canceled' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ dueDate: null, status: 'todo' }, '2026-03-02')).toBe(false);
  });

  it('reads a due day as that day at UTC midnight', () => {
    expect(dueDateAsDate('2026-12-31').toISOString()).toBe('2026-12-31T00:00:00.000Z');
  });
});
