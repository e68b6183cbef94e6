import { describe, expect, it } from 'vitest';
import { taskQuery } from '@/features/tasks';
import { createTask, deleteTasks, listTasks, taskOverview, updateTask } from '@/features/tasks/server';
import { insertUser, makeOrganization } from '../../support/organizations';

describe('tasks core (smoke)', () => {
  it('creates, lists with filters and pages by offset and cursor', async () => {
    const owner = await insertUser({ name: 'Owner' });
    const member = await insertUser({ name: 'Member' });
    const outsider = await insertUser({ name: 'Outsider' });
    const acme = await makeOrganization([
      [owner, 'owner'],
      [member, 'member'],
    ]);
    const other = await makeOrganization([[outsider, 'owner']]);
    const scope = { userId: owner.id, organizationId: acme.id };
    for (let index = 0; index < 30; index++) {
      await createTask(scope, {
        title: `Task ${index}`,
        description: index % 2 ? 'odd 50%_' : 'even',
        status: index % 3 === 0 ? 'done' : 'todo',
        priority: 'medium',
        dueDate: index % 4 === 0 ? null : `2026-12-${String((index % 28) + 1).padStart(2, '0')}`,
        assigneeId: index % 5 === 0 ? member.id : null,
      });
    }
    await createTask({ userId: outsider.id, organizationId: other.id }, { title: 'Other', description: '', status: 'todo', priority: 'low', dueDate: null, assigneeId: null });

    const page = await listTasks(scope, taskQuery.schema.parse({ status: 'todo', sort: 'dueDate', pageSize: '10' }));
    expect(page.total).toBe(20);
    expect(page.pageCount).toBe(2);
    expect(page.rows).toHaveLength(10);

    const search = await listTasks(scope, taskQuery.schema.parse({ q: '50%_' }));
    expect(search.total).toBe(15);

    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const result = await listTasks(scope, taskQuery.schema.parse({ sort: '-dueDate', pageSize: '10', ...(cursor ? { cursor } : {}) }), { mode: 'keyset' });
      all.push(...result.rows.map((row) => row.id));
      cursor = result.nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(30);

    await expect(
      updateTask(scope, all[0]!, { title: 'x', description: '', status: 'todo', priority: 'low', dueDate: null, assigneeId: outsider.id }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(deleteTasks({ userId: member.id, organizationId: acme.id }, all.slice(0, 2))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await deleteTasks(scope, all.slice(0, 2))).toEqual({ deleted: 2 });
    const overview = await taskOverview({ userId: member.id, organizationId: acme.id });
    expect(Object.values(overview.counts).reduce((a, b) => a + b, 0)).toBe(28);
  });
});
