import { randomUUID } from 'node:crypto';
import type { Outcome } from './open-loop';
import type { HttpVisitor } from './http-visitor';
import type { Member } from './world';

const TASK_ACTIONS = 'src/features/tasks/server/actions.ts';

/** A signed-in member and the tasks they created during the run. */
export interface SignedInMember extends Member {
  visitor: HttpVisitor;
  tasks: string[];
}

/** A task write and what the app answered, to compare with the database afterwards. */
export interface TaskWrite {
  title: string;
  organizationId: string;
  /** The id of the created task when the app said it was saved; null when it said it was not. */
  acknowledgedId: string | null;
}

/**
 * The mix of requests a signed-in team makes, per member in cycles of 20 (MIX):
 * 13 pages (8 organization home, 3 tasks list, 1 task, 1 profile settings), 5
 * reads through the tasks API, and 2 writes through the tasks actions (create,
 * change status). Request `index` goes to
 * member `index % members.length`, so every member's requests spread over the
 * run and stay inside the per-session and per-client rate limits.
 *
 * Each answer is judged: ok is the answer a user should get. When `writes` is
 * given, every task creation is recorded there with what the app answered.
 */
const MIX = [
  'home',
  'api',
  'create',
  'home',
  'list',
  'home',
  'api',
  'home',
  'status',
  'list',
  'home',
  'api',
  'task',
  'home',
  'api',
  'list',
  'home',
  'settings',
  'api',
  'home',
] as const;

export function teamTraffic(
  members: SignedInMember[],
  options: { baseUrl: (index: number) => string; writes?: TaskWrite[]; timeoutMs?: number },
) {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return async (index: number): Promise<Outcome> => {
    const member = members[index % members.length]!;
    const baseUrl = options.baseUrl(index);
    const step = MIX[Math.floor(index / members.length) % MIX.length]!;
    const page = async (path: string): Promise<Outcome> => {
      const response = await member.visitor.request(path, { baseUrl, timeoutMs });
      const body = await response.text();
      const ok = response.status === 200 && body.includes('</html>');
      // A page that failed to render: the calm error page, with the reference (digest) the log has too.
      const clean = ok || (response.status >= 500 && body.includes('</html>') && body.includes('digest'));
      return {
        kind: 'page',
        status: response.status,
        ok,
        clean,
        detail: `${path} ${response.status} ${body.slice(0, 300)}`,
      };
    };

    if (step === 'home') return page(`/dashboard/${member.slug}`);
    if (step === 'list') return page(`/dashboard/${member.slug}/tasks`);
    if (step === 'settings') return page('/settings/profile');
    if (step === 'task' && member.tasks.length > 0)
      return page(`/dashboard/${member.slug}/tasks/${member.tasks.at(-1)}`);
    if (step === 'api' || step === 'task') {
      const response = await member.visitor.request(`/api/organizations/${member.slug}/tasks?pageSize=25`, {
        baseUrl,
        timeoutMs,
      });
      const body = (await response.json().catch(() => null)) as { error?: { code: string; requestId?: string } } | null;
      const ok = response.status === 200 && body !== null && !body.error;
      // A refusal says when to come back; the error envelope says why.
      const retryAfter = response.status === 503 ? `retry-after ${response.headers.get('retry-after')} ` : '';
      return {
        kind: 'api',
        status: response.status,
        ok,
        clean: ok || Boolean(body?.error?.requestId),
        code: body?.error?.code,
        detail: `${retryAfter}tasks API ${response.status} ${JSON.stringify(body).slice(0, 200)}`,
      };
    }
    if (step === 'create' || member.tasks.length === 0) {
      const title = `Load task ${randomUUID()}`;
      const outcome = await member.visitor.action(
        `/dashboard/${member.slug}/tasks/new`,
        TASK_ACTIONS,
        'createTaskAction',
        {
          organizationId: member.organizationId,
          title,
          description: 'written under load',
          status: 'todo',
          priority: 'medium',
          dueDate: '',
          assigneeId: '',
        },
        { baseUrl, timeoutMs },
      );
      const id = outcome.redirect?.match(/\/tasks\/([0-9a-f-]{36})$/)?.[1] ?? null;
      if (id) member.tasks.push(id);
      options.writes?.push({ title, organizationId: member.organizationId, acknowledgedId: id });
      return {
        kind: 'create',
        status: outcome.status,
        ok: id !== null,
        clean: id !== null || Boolean(outcome.result?.error?.requestId),
        code: outcome.result?.error?.code,
        detail: `create ${outcome.status} ${JSON.stringify(outcome.result)}`,
      };
    }
    const outcome = await member.visitor.action(
      `/dashboard/${member.slug}/tasks`,
      TASK_ACTIONS,
      'setTasksStatusAction',
      {
        organizationId: member.organizationId,
        taskIds: [member.tasks.at(-1)!],
        status: index % 2 === 0 ? 'in_progress' : 'done',
      },
      { baseUrl, timeoutMs },
    );
    const ok = outcome.result?.ok === true;
    return {
      kind: 'status',
      status: outcome.status,
      ok,
      clean: ok || Boolean(outcome.result?.error?.requestId),
      code: outcome.result?.error?.code,
      detail: `set status ${outcome.status} ${JSON.stringify(outcome.result)}`,
    };
  };
}
