import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  deleteOrganizationAction,
  removeMemberAction,
  hasPermission,
  roleNames,
} from '@/features/organizations/server';
import { members } from '@/features/organizations/server/schema';
import { taskPath, TASK_STATUSES, type TaskStatus } from '@/features/tasks';
import { taskOverview } from '@/features/tasks/server';
import {
  createTaskAction,
  deleteTasksAction,
  setTasksStatusAction,
  updateTaskAction,
} from '@/features/tasks/server/actions';
import { tasks } from '@/features/tasks/server/schema';
import { appConfig } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import { executeAction } from '@/platform/http/action';
import { expectFieldRefusal, expectRefusal, insertUser, makeOrganization } from '../../support/organizations';
import { createVerifiedUser, type TestUser } from '../../support/users';
import { Visitor } from '../../support/visitor';

/** Next.js provides the cache outside tests; here we only record what the actions ask it to refresh. */
const cache = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock('next/cache', () => cache);

const ROLES = roleNames();

/** One signed-in user per configured role; the member's browser is in Spanish. */
let actors: Record<string, TestUser>;
let owner: TestUser;
let member: TestUser;
/** Signed in, owner of another organization. */
let outsider: TestUser;

beforeAll(async () => {
  const users = await Promise.all(
    [...ROLES, 'outsider'].map((role) =>
      createVerifiedUser({ name: `Actor ${role}`, locale: role === 'member' ? 'es' : 'en' }),
    ),
  );
  actors = Object.fromEntries(ROLES.map((role, index) => [role, users[index]!]));
  owner = actors.owner!;
  member = actors.member!;
  outsider = users.at(-1)!;
});

beforeEach(() => {
  cache.revalidatePath.mockClear();
});

const localeOf = (user: TestUser) => (user === member ? 'es' : 'en');

/** acme: every actor in their role and a listed person; globex: the outsider's, with a task of its own. */
async function twoOrganizations() {
  const listed = await insertUser({ name: 'Listed Person' });
  const acme = await makeOrganization([
    ...ROLES.map((role) => [actors[role]!, role] as [TestUser, string]),
    [listed, ROLES.at(-1)!],
  ]);
  const globex = await makeOrganization([[outsider, 'owner']]);
  const [foreign] = await insertTasks(globex.id, [{ title: 'Globex secret', status: 'todo', assigneeId: outsider.id }]);
  return { acme, globex, listed, foreign: foreign! };
}

/** Rows for a test, in one statement. */
async function insertTasks(organizationId: string, rows: Partial<typeof tasks.$inferInsert>[]) {
  return db
    .insert(tasks)
    .values(rows.map((row, index) => ({ organizationId, title: `Task ${index + 1}`, ...row })))
    .returning();
}

async function taskRow(id: string) {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  return row ?? null;
}

async function tasksOf(organizationId: string) {
  return db.select().from(tasks).where(eq(tasks.organizationId, organizationId)).orderBy(asc(tasks.title));
}

const fields = {
  title: 'Write the report',
  description: 'Quarterly, with figures',
  status: 'in_progress',
  priority: 'high',
  dueDate: '2026-06-30',
};

describe('creating a task', () => {
  it('records the organization and who created it, and opens the new task', async () => {
    const { acme, listed } = await twoOrganizations();
    const outcome = await member.visitor.run(createTaskAction, {
      organizationId: acme.id,
      ...fields,
      assigneeId: listed.id,
    });
    const [created] = await tasksOf(acme.id);
    expect(outcome).toEqual({ redirect: taskPath(acme.slug, created!.id) });
    expect(created).toMatchObject({
      ...fields,
      organizationId: acme.id,
      createdById: member.id,
      assigneeId: listed.id,
    });
    expect(cache.revalidatePath).toHaveBeenCalledWith(`/dashboard/${acme.slug}`, 'layout');
  });

  it('reads a form post: blank date and assignee are none, defaults for the rest', async () => {
    const { acme } = await twoOrganizations();
    const form = new FormData();
    for (const [name, value] of Object.entries({
      organizationId: acme.id,
      title: '  From the form  ',
      description: '',
      dueDate: '',
      assigneeId: '',
    }))
      form.set(name, value);
    expect(await owner.visitor.run(createTaskAction, form)).toMatchObject({
      redirect: expect.stringContaining('/tasks/'),
    });
    expect(await tasksOf(acme.id)).toMatchObject([
      { title: 'From the form', description: '', status: 'todo', priority: 'medium', dueDate: null, assigneeId: null },
    ]);
  });

  it('names the field at fault, in English and in Spanish, and writes nothing', async () => {
    const { acme } = await twoOrganizations();
    for (const actor of [owner, member]) {
      const locale = localeOf(actor);
      const create = (overrides: Record<string, unknown>) =>
        actor.visitor.run(createTaskAction, { organizationId: acme.id, ...fields, ...overrides });
      expectFieldRefusal(await create({ title: '' }), 'VALIDATION_FAILED', 'title', {
        key: 'validation.required',
        locale,
      });
      expectFieldRefusal(await create({ title: '   ' }), 'VALIDATION_FAILED', 'title', {
        key: 'validation.required',
        locale,
      });
      expectFieldRefusal(await create({ title: 'x'.repeat(201) }), 'VALIDATION_FAILED', 'title', {
        key: 'validation.tooLong',
        values: { maximum: 200 },
        locale,
      });
      expectFieldRefusal(await create({ dueDate: '2026-02-30' }), 'VALIDATION_FAILED', 'dueDate', {
        key: 'validation.date',
        locale,
      });
      expectFieldRefusal(await create({ dueDate: 'tomorrow' }), 'VALIDATION_FAILED', 'dueDate', {
        key: 'validation.date',
        locale,
      });
      expectFieldRefusal(await create({ status: 'nope' }), 'VALIDATION_FAILED', 'status', {
        key: 'validation.invalidOption',
        locale,
      });
      expectFieldRefusal(await create({ priority: 'whenever' }), 'VALIDATION_FAILED', 'priority', {
        key: 'validation.invalidOption',
        locale,
      });
      // Control characters (NUL, which PostgreSQL cannot store, among them): a field error, not a server error.
      expectFieldRefusal(await create({ title: 'a\u0000b' }), 'VALIDATION_FAILED', 'title', {
        key: 'validation.singleLine',
        locale,
      });
      expectFieldRefusal(await create({ description: 'a\u0000b' }), 'VALIDATION_FAILED', 'description', {
        key: 'validation.controlCharacters',
        locale,
      });
    }
    const spanish = await member.visitor.run(createTaskAction, { organizationId: acme.id, ...fields, title: '' });
    expect(spanish).toMatchObject({ error: { fieldErrors: { title: ['Este campo es obligatorio.'] } } });
    expect(await tasksOf(acme.id)).toEqual([]);
  });

  it('refuses an assignee who is not a member, on assigneeId, and writes nothing', async () => {
    const { acme, globex } = await twoOrganizations();
    for (const actor of [owner, member]) {
      for (const assigneeId of [outsider.id, randomUUID(), 'someone']) {
        const outcome = await actor.visitor.run(createTaskAction, { organizationId: acme.id, ...fields, assigneeId });
        expectFieldRefusal(outcome, 'VALIDATION_FAILED', 'assigneeId', {
          key: 'tasks.assigneeNotMember',
          locale: localeOf(actor),
        });
      }
    }
    expect(await tasksOf(acme.id)).toEqual([]);
    expect(await tasksOf(globex.id)).toHaveLength(1);
  });

  it('answers 404 for an organization the user is not a member of, and writes nothing there', async () => {
    const { globex } = await twoOrganizations();
    expectRefusal(await member.visitor.run(createTaskAction, { organizationId: globex.id, ...fields }), 'NOT_FOUND', {
      key: 'NOT_FOUND',
      locale: 'es',
    });
    expect(await tasksOf(globex.id)).toHaveLength(1);
  });
});

describe('editing a task', () => {
  it('saves the fields, keeps who created it, and opens the task', async () => {
    const { acme, listed } = await twoOrganizations();
    const [task] = await insertTasks(acme.id, [
      { title: 'Before', createdById: owner.id, updatedAt: new Date('2026-01-01T00:00:00Z') },
    ]);
    const outcome = await member.visitor.run(updateTaskAction, {
      organizationId: acme.id,
      taskId: task!.id,
      ...fields,
      assigneeId: listed.id,
    });
    expect(outcome).toEqual({ redirect: taskPath(acme.slug, task!.id) });
    const after = await taskRow(task!.id);
    expect(after).toMatchObject({ ...fields, assigneeId: listed.id, createdById: owner.id, organizationId: acme.id });
    expect(after!.updatedAt.getTime()).toBeGreaterThan(new Date('2026-01-01T00:00:00Z').getTime());
    expect(cache.revalidatePath).toHaveBeenCalledWith(`/dashboard/${acme.slug}`, 'layout');
  });

  it('refuses a non-member assignee and leaves the task as it was', async () => {
    const { acme } = await twoOrganizations();
    const [task] = await insertTasks(acme.id, [{ title: 'Keep me' }]);
    const before = await taskRow(task!.id);
    const outcome = await member.visitor.run(updateTaskAction, {
      organizationId: acme.id,
      taskId: task!.id,
      ...fields,
      assigneeId: outsider.id,
    });
    expectFieldRefusal(outcome, 'VALIDATION_FAILED', 'assigneeId', { key: 'tasks.assigneeNotMember', locale: 'es' });
    expect(await taskRow(task!.id)).toEqual(before);
  });
});

describe('another organization’s tasks', () => {
  it('cannot be edited, moved or deleted: 404, whether the organization named is mine or theirs', async () => {
    const { acme, globex, foreign } = await twoOrganizations();
    const before = await taskRow(foreign.id);
    for (const organizationId of [acme.id, globex.id]) {
      const update = await owner.visitor.run(updateTaskAction, { organizationId, taskId: foreign.id, ...fields });
      expectRefusal(update, 'NOT_FOUND', { key: 'NOT_FOUND' });
      const status = await owner.visitor.run(setTasksStatusAction, {
        organizationId,
        taskIds: [foreign.id],
        status: 'done',
      });
      expectRefusal(status, 'NOT_FOUND', { key: 'NOT_FOUND' });
      const deleted = await owner.visitor.run(deleteTasksAction, { organizationId, taskIds: foreign.id });
      expectRefusal(deleted, 'NOT_FOUND', { key: 'NOT_FOUND' });
    }
    expect(await taskRow(foreign.id)).toEqual(before);
  });

  it('are left alone by bulk changes that mix them with mine', async () => {
    const { acme, foreign } = await twoOrganizations();
    const mine = await insertTasks(acme.id, [{ status: 'todo' }, { status: 'todo' }, { status: 'in_progress' }]);
    const before = await taskRow(foreign.id);
    const status = await member.visitor.run(setTasksStatusAction, {
      organizationId: acme.id,
      taskIds: [mine[0]!.id, foreign.id, mine[1]!.id],
      status: 'done',
    });
    expect(status).toEqual({ ok: true, data: { updated: 2 } });
    expect((await tasksOf(acme.id)).map((row) => row.status)).toEqual(['done', 'done', 'in_progress']);

    const deleted = await owner.visitor.run(deleteTasksAction, {
      organizationId: acme.id,
      taskIds: [foreign.id, mine[2]!.id],
    });
    expect(deleted).toEqual({ ok: true, data: { deleted: 1 } });
    expect((await tasksOf(acme.id)).map((row) => row.id).sort()).toEqual([mine[0]!.id, mine[1]!.id].sort());
    expect(await taskRow(foreign.id)).toEqual(before);
  });
});

describe('changing status in bulk', () => {
  it('lets any member change the status of several tasks, one id or many', async () => {
    const { acme } = await twoOrganizations();
    const mine = await insertTasks(acme.id, [{}, {}, {}]);
    const form = new FormData();
    form.set('organizationId', acme.id);
    form.set('status', 'canceled');
    form.append('taskIds', mine[0]!.id);
    form.append('taskIds', mine[1]!.id);
    expect(await member.visitor.run(setTasksStatusAction, form)).toEqual({ ok: true, data: { updated: 2 } });
    expect(
      await member.visitor.run(setTasksStatusAction, {
        organizationId: acme.id,
        taskIds: mine[2]!.id,
        status: 'in_progress',
      }),
    ).toEqual({ ok: true, data: { updated: 1 } });
    expect((await tasksOf(acme.id)).map((row) => row.status)).toEqual(['canceled', 'canceled', 'in_progress']);
    expect(cache.revalidatePath).toHaveBeenCalledWith(`/dashboard/${acme.slug}`, 'layout');
  });

  it('refuses a status that does not exist, no ids, too many ids and ids that are not ids', async () => {
    const { acme } = await twoOrganizations();
    const [task] = await insertTasks(acme.id, [{}]);
    const change = (input: Record<string, unknown>) =>
      owner.visitor.run(setTasksStatusAction, {
        organizationId: acme.id,
        taskIds: [task!.id],
        status: 'done',
        ...input,
      });
    expectFieldRefusal(await change({ status: 'nope' }), 'VALIDATION_FAILED', 'status', {
      key: 'validation.invalidOption',
    });
    expect(await change({ taskIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { taskIds: [expect.any(String)] } },
    });
    const tooMany = Array.from({ length: 101 }, () => randomUUID());
    expect(await change({ taskIds: tooMany })).toMatchObject({
      ok: false,
      error: { fieldErrors: { taskIds: [expect.any(String)] } },
    });
    expect(await change({ taskIds: ["1' or '1'='1"] })).toMatchObject({
      ok: false,
      error: { fieldErrors: { 'taskIds.0': [expect.any(String)] } },
    });
    expect((await taskRow(task!.id))!.status).toBe('todo');
  });
});

describe('deleting tasks: the configuration’s permission matrix', () => {
  it('covers every configured role', () => {
    expect(appConfig.organizations.roles.map((role) => role.name)).toEqual(ROLES);
    // The matrix below is not trivial: some role may delete and some may not.
    expect(new Set(ROLES.map((role) => hasPermission(role, 'tasks.delete')))).toEqual(new Set([true, false]));
  });

  for (const role of ROLES) {
    const allowed = hasPermission(role, 'tasks.delete');
    it(`${allowed ? 'lets' : 'does not let'} ${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role} delete tasks`, async () => {
      const actor = actors[role]!;
      const people: [{ id: string }, string][] = [[actor, role]];
      if (role !== 'owner') people.push([await insertUser({ name: 'Some Owner' }), 'owner']);
      const organization = await makeOrganization(people);
      const doomed = await insertTasks(organization.id, [{}, {}, {}]);

      const outcome = await actor.visitor.run(deleteTasksAction, {
        organizationId: organization.id,
        taskIds: doomed.slice(0, 2).map((task) => task.id),
      });
      if (allowed) {
        expect(outcome).toEqual({ ok: true, data: { deleted: 2 } });
        expect((await tasksOf(organization.id)).map((task) => task.id)).toEqual([doomed[2]!.id]);
      } else {
        expectRefusal(outcome, 'FORBIDDEN', { key: 'organizations.forbidden', locale: localeOf(actor) });
        expect(await tasksOf(organization.id)).toHaveLength(3);
      }
    });
  }
});

describe('who may call the actions at all', () => {
  it('answers 401 to the signed-out, and writes nothing', async () => {
    const { acme } = await twoOrganizations();
    const [task] = await insertTasks(acme.id, [{ title: 'Untouched' }]);
    const before = await taskRow(task!.id);
    const anonymous = new Visitor();
    const attempts = [
      await anonymous.run(createTaskAction, { organizationId: acme.id, ...fields }),
      await anonymous.run(updateTaskAction, { organizationId: acme.id, taskId: task!.id, ...fields }),
      await anonymous.run(setTasksStatusAction, { organizationId: acme.id, taskIds: [task!.id], status: 'done' }),
      await anonymous.run(deleteTasksAction, { organizationId: acme.id, taskIds: [task!.id] }),
    ];
    for (const outcome of attempts) {
      expectRefusal(outcome, 'UNAUTHENTICATED', { key: 'UNAUTHENTICATED' });
      expect(outcome).toMatchObject({ error: { status: 401 } });
    }
    expect(await tasksOf(acme.id)).toEqual([before]);
  });

  it('answers 403 to a post without its CSRF token, or with another visitor’s, and writes nothing', async () => {
    const { acme } = await twoOrganizations();
    const [task] = await insertTasks(acme.id, [{ title: 'Untouched' }]);
    const before = await taskRow(task!.id);
    const request = {
      headers: owner.visitor.headers(),
      cookies: { get: (name: string) => owner.visitor.cookies.get(name) },
    };
    const inputs: [{ definition: unknown }, Record<string, unknown>][] = [
      [createTaskAction, { organizationId: acme.id, ...fields }],
      [updateTaskAction, { organizationId: acme.id, taskId: task!.id, ...fields }],
      [setTasksStatusAction, { organizationId: acme.id, taskIds: [task!.id], status: 'done' }],
      [deleteTasksAction, { organizationId: acme.id, taskIds: [task!.id] }],
    ];
    for (const [action, input] of inputs) {
      const definition = action.definition as Parameters<typeof executeAction>[0];
      const missing = await executeAction(definition, input, request);
      expectRefusal(missing, 'CSRF_TOKEN_INVALID', { key: 'CSRF_TOKEN_INVALID' });
      expect(missing).toMatchObject({ error: { status: 403 } });
      const foreign = await executeAction(definition, { ...input, csrf_token: new Visitor().csrfToken() }, request);
      expectRefusal(foreign, 'CSRF_TOKEN_INVALID', { key: 'CSRF_TOKEN_INVALID' });
    }
    expect(await tasksOf(acme.id)).toEqual([before]);
  });
});

describe('when the organization changes', () => {
  it('removing a member unassigns their tasks and keeps the tasks', async () => {
    const { acme, listed } = await twoOrganizations();
    const assigned = await insertTasks(acme.id, [
      { title: 'A', assigneeId: listed.id },
      { title: 'B', assigneeId: listed.id },
      { title: 'C', assigneeId: member.id },
    ]);
    expect(
      await owner.visitor.run(removeMemberAction, { organizationId: acme.id, memberId: acme.memberIds[listed.id]! }),
    ).toMatchObject({ ok: true });
    expect(
      await db
        .select()
        .from(members)
        .where(and(eq(members.organizationId, acme.id), eq(members.userId, listed.id))),
    ).toEqual([]);
    const after = await tasksOf(acme.id);
    expect(after.map((task) => [task.id, task.title, task.assigneeId])).toEqual([
      [assigned[0]!.id, 'A', null],
      [assigned[1]!.id, 'B', null],
      [assigned[2]!.id, 'C', member.id],
    ]);
  });

  it('deleting an organization deletes its tasks, and only its', async () => {
    const { globex } = await twoOrganizations();
    const organization = await makeOrganization([[owner, 'owner']]);
    await insertTasks(organization.id, [{}, {}, {}]);
    const outcome = await owner.visitor.run(deleteOrganizationAction, {
      organizationId: organization.id,
      confirmation: organization.name,
      password: owner.password,
    });
    expect(outcome).toMatchObject({ redirect: expect.stringContaining('/dashboard') });
    expect(await tasksOf(organization.id)).toEqual([]);
    expect(await tasksOf(globex.id)).toHaveLength(1);
  });
});

describe('taskOverview', () => {
  it('counts by status and lists the viewer’s open tasks (soonest first) and the latest changes', async () => {
    const { acme, globex, listed } = await twoOrganizations();
    const viewer = member;
    const day = (n: number) => `2026-05-${String(n).padStart(2, '0')}`;
    const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n));
    const seed: Partial<typeof tasks.$inferInsert>[] = [
      // The viewer's open tasks: six, one without a date (it comes last), so the limit of five leaves it out.
      { title: 'mine 1', status: 'todo', assigneeId: viewer.id, dueDate: day(10), updatedAt: at(1) },
      { title: 'mine 2', status: 'in_progress', assigneeId: viewer.id, dueDate: day(3), updatedAt: at(2) },
      { title: 'mine 3', status: 'todo', assigneeId: viewer.id, dueDate: null, updatedAt: at(3) },
      { title: 'mine 4', status: 'todo', assigneeId: viewer.id, dueDate: day(7), updatedAt: at(4) },
      { title: 'mine 5', status: 'in_progress', assigneeId: viewer.id, dueDate: day(20), updatedAt: at(5) },
      { title: 'mine 6', status: 'todo', assigneeId: viewer.id, dueDate: day(15), updatedAt: at(6) },
      // Not open, or not the viewer's: never in "my open tasks", however soon.
      { title: 'mine done', status: 'done', assigneeId: viewer.id, dueDate: day(1), updatedAt: at(7) },
      { title: 'mine canceled', status: 'canceled', assigneeId: viewer.id, dueDate: day(1), updatedAt: at(8) },
      { title: 'theirs', status: 'todo', assigneeId: listed.id, dueDate: day(1), updatedAt: at(9) },
      { title: 'nobody’s', status: 'done', assigneeId: null, dueDate: day(2), updatedAt: at(10) },
    ];
    const inserted = await insertTasks(acme.id, seed);
    await insertTasks(globex.id, [{ title: 'elsewhere', status: 'canceled', updatedAt: at(30) }]);

    const overview = await taskOverview({ userId: viewer.id, organizationId: acme.id });
    const expectedCounts = Object.fromEntries(
      TASK_STATUSES.map((status) => [status, seed.filter((task) => task.status === status).length]),
    ) as Record<TaskStatus, number>;
    expect(overview.counts).toEqual(expectedCounts);
    expect(overview.counts).toEqual({ todo: 5, in_progress: 2, done: 2, canceled: 1 });
    expect(overview.myOpen.map((task) => task.title)).toEqual(['mine 2', 'mine 4', 'mine 1', 'mine 6', 'mine 5']);
    expect(overview.myOpen[0]).toMatchObject({
      assigneeId: viewer.id,
      assigneeName: 'Actor member',
      dueDate: day(3),
      status: 'in_progress',
    });
    expect(overview.recent.map((task) => task.title)).toEqual([
      'nobody’s',
      'theirs',
      'mine canceled',
      'mine done',
      'mine 6',
    ]);
    expect(new Set(overview.recent.map((task) => task.id))).toEqual(new Set(inserted.slice(5).map((task) => task.id)));

    // Another limit, and a viewer with no tasks of their own.
    const admin = await taskOverview({ userId: actors.admin!.id, organizationId: acme.id }, 2);
    expect(admin.myOpen).toEqual([]);
    expect(admin.recent.map((task) => task.title)).toEqual(['nobody’s', 'theirs']);
  });

  it('counts zero for every status of an organization without tasks, and refuses a non-member', async () => {
    const { globex } = await twoOrganizations();
    const empty = await makeOrganization([[owner, 'owner']]);
    expect(await taskOverview({ userId: owner.id, organizationId: empty.id })).toEqual({
      counts: { todo: 0, in_progress: 0, done: 0, canceled: 0 },
      myOpen: [],
      recent: [],
    });
    await expect(taskOverview({ userId: owner.id, organizationId: globex.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
