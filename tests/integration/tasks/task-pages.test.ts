import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OPEN_TASK_STATUSES, taskQuery, type TaskFields } from '@/features/tasks';
import { createTask, getTask, listTasks, taskOverview } from '@/features/tasks/server';
import { insertUser, makeOrganization } from '../../support/organizations';

/*
 * What the task pages and the organization home rely on from the service:
 * getTask answers "no such task" (the 404 page) for any id the organization
 * does not have, and the home's "My open tasks" rows are the first rows of
 * the API read that refreshes them, in the same order.
 */

const fields = (overrides: Partial<TaskFields>): TaskFields => ({
  title: 'Task',
  description: '',
  status: 'todo',
  priority: 'medium',
  dueDate: null,
  assigneeId: null,
  ...overrides,
});

describe('task pages', () => {
  it('getTask finds the organization’s task and nothing else: another organization’s, a missing one, a non-UUID', async () => {
    const owner = await insertUser({ name: 'Owner' });
    const stranger = await insertUser({ name: 'Stranger' });
    const acme = await makeOrganization([[owner, 'owner']]);
    const other = await makeOrganization([[stranger, 'owner']]);
    const scope = { userId: owner.id, organizationId: acme.id };
    const mine = await createTask(scope, fields({ title: 'Mine', description: 'Line one\nLine two' }));
    const theirs = await createTask({ userId: stranger.id, organizationId: other.id }, fields({ title: 'Theirs' }));

    expect(await getTask(scope, mine.id)).toMatchObject({
      id: mine.id,
      title: 'Mine',
      description: 'Line one\nLine two',
      createdByName: 'Owner',
    });
    expect(await getTask(scope, theirs.id)).toBeNull();
    expect(await getTask(scope, randomUUID())).toBeNull();
    for (const id of ['not-a-uuid', '1', `${mine.id}x`, "' or 1=1 --", '']) expect(await getTask(scope, id)).toBeNull();
  });

  it('"My open tasks" from taskOverview are the first rows of GET …/tasks?assignee=me&status=todo,in_progress&sort=dueDate, ties included', async () => {
    const owner = await insertUser({ name: 'Owner' });
    const member = await insertUser({ name: 'Member' });
    const acme = await makeOrganization([
      [owner, 'owner'],
      [member, 'member'],
    ]);
    const scope = { userId: owner.id, organizationId: acme.id };
    // Same due dates and no due dates: the order of ties must match too.
    const dues = ['2026-05-01', '2026-05-01', null, '2026-04-01', null, '2026-05-01', null];
    for (const [index, dueDate] of dues.entries()) {
      await createTask(
        scope,
        fields({ title: `Mine ${index}`, dueDate, assigneeId: member.id, status: index % 2 ? 'in_progress' : 'todo' }),
      );
    }
    await createTask(scope, fields({ title: 'Done', dueDate: '2026-01-01', assigneeId: member.id, status: 'done' }));
    await createTask(scope, fields({ title: 'Someone else’s', dueDate: '2026-01-01', assigneeId: owner.id }));

    const memberScope = { userId: member.id, organizationId: acme.id };
    const overview = await taskOverview(memberScope);
    const api = await listTasks(
      memberScope,
      taskQuery.schema.parse({
        assignee: member.id,
        status: OPEN_TASK_STATUSES.join(','),
        sort: 'dueDate',
        pageSize: '10',
      }),
    );
    expect(api.rows).toHaveLength(dues.length);
    expect(overview.myOpen.map((task) => task.id)).toEqual(api.rows.slice(0, 5).map((task) => task.id));
    expect(overview.myOpen[0]).toMatchObject({ dueDate: '2026-04-01' });
    expect(overview.counts).toEqual({ todo: 5, in_progress: 3, done: 1, canceled: 0 });
  });
});
