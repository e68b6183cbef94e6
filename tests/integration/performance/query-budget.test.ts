import { AsyncLocalStorage } from 'node:async_hooks';
import { isValidElement, type ReactNode } from 'react';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TASK_STATUSES } from '@/features/tasks';
import { tasks } from '@/features/tasks/server/schema';
import { db } from '@/platform/db/client';
import { makeOrganization, type TestOrganization } from '../../support/organizations';
import { createVerifiedUser, type TestUser } from '../../support/users';

/*
 * SQL statements per request (issue 16, docs/performance.md): one render of the organization home and of the
 * tasks list — the app layout, the organization layout, the page and its metadata, and every async server
 * component they render — counting each statement sent to PostgreSQL on the real pg connections (begin,
 * set_config and commit included: each is a round trip). A budget, not a timing: an N+1, a second tenant
 * transaction or a write on GET makes it fail.
 *
 * Two stand-ins for what Next.js provides around a render: the request's headers and cookies (a signed-in
 * visitor's), and translations (keys; no statement involved). React's `cache` memoizes per request only inside
 * a server render; here it memoizes per render of this test (the same scope), as it does in production.
 */

const request = new AsyncLocalStorage<Map<unknown, Map<string, unknown>>>();
vi.mock('react', async (importOriginal) => {
  const actual = await importOriginal<typeof import('react')>();
  return {
    ...actual,
    cache:
      <A extends unknown[], R>(fn: (...args: A) => R) =>
      (...args: A): R => {
        const memo = request.getStore();
        if (!memo) return fn(...args);
        const calls = memo.get(fn) ?? new Map<string, unknown>();
        memo.set(fn, calls);
        const key = JSON.stringify(args);
        if (!calls.has(key)) calls.set(key, fn(...args));
        return calls.get(key) as R;
      },
  };
});

const browser = vi.hoisted(() => ({ headers: null as null | (() => Headers), cookies: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  headers: async () => browser.headers!(),
  cookies: async () => ({
    get: (name: string) => (browser.cookies.has(name) ? { name, value: browser.cookies.get(name) } : undefined),
    getAll: () => [...browser.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => browser.cookies.has(name),
    toString: () => [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  }),
}));
vi.mock('next-intl/server', () => {
  const translator = () => {
    const t = (key: string) => key;
    return Object.assign(t, { has: () => true, raw: (key: string) => key, rich: t, markup: t });
  };
  return {
    getTranslations: async () => translator(),
    getLocale: async () => 'en',
    getFormatter: async () => ({ dateTime: () => '', relativeTime: () => '', number: () => '', list: () => '' }),
  };
});

/** Statements sent while counting. */
let statements: string[] | null = null;
const send = pg.Client.prototype.query;
beforeAll(() => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text: string };
    statements?.push(typeof first === 'string' ? first : first.text);
    return (send as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
});
afterAll(() => {
  pg.Client.prototype.query = send;
});

/** Renders a server element's tree as a server render would reach its data: every async component is awaited. */
async function renderServer(node: ReactNode | Promise<ReactNode>): Promise<void> {
  const resolved = await node;
  if (Array.isArray(resolved)) {
    for (const child of resolved) await renderServer(child as ReactNode);
    return;
  }
  if (!isValidElement(resolved)) return;
  const { type, props } = resolved as { type: unknown; props: Record<string, unknown> };
  if (typeof type === 'function' && type.constructor.name === 'AsyncFunction') {
    await renderServer((type as (p: unknown) => Promise<ReactNode>)(props));
    return;
  }
  for (const value of Object.values(props)) {
    if (isValidElement(value) || Array.isArray(value)) await renderServer(value as ReactNode);
  }
}

type Params = { organization: string };
interface Route {
  layouts: ((props: { children: ReactNode; params: Promise<Params> }) => Promise<ReactNode>)[];
  page: (props: { params: Promise<Params>; searchParams: Promise<Record<string, string>> }) => Promise<ReactNode>;
  generateMetadata: (props: {
    params: Promise<Params>;
    searchParams: Promise<Record<string, string>>;
  }) => Promise<unknown>;
}

/** The statements one request for `route` sends, as `user`. */
async function statementsOf(route: Route, user: TestUser, slug: string, search: Record<string, string> = {}) {
  browser.cookies = new Map(user.visitor.cookies);
  browser.headers = () => user.visitor.headers();
  const params = Promise.resolve({ organization: slug });
  statements = [];
  try {
    await request.run(new Map(), async () => {
      const page = route.page({ params, searchParams: Promise.resolve(search) });
      await Promise.all([
        ...route.layouts.map((layout) => renderServer(layout({ children: null, params }))),
        route.generateMetadata({ params, searchParams: Promise.resolve(search) }),
        renderServer(page),
      ]);
    });
    return statements;
  } finally {
    statements = null;
  }
}

let owner: TestUser;
let acme: TestOrganization;
let routes: { home: Route; tasks: Route };

beforeAll(async () => {
  owner = await createVerifiedUser({ name: 'Olga Owner' });
  acme = await makeOrganization([[owner, 'owner']]);
  await makeOrganization([[owner, 'member']]);
  await db.insert(tasks).values(
    Array.from({ length: 60 }, (_, index) => ({
      organizationId: acme.id,
      title: `Task ${index}`,
      status: TASK_STATUSES[index % TASK_STATUSES.length]!,
      assigneeId: index % 2 === 0 ? owner.id : null,
    })),
  );
  const [appLayout, organizationLayout, home, tasksPage] = await Promise.all([
    import('@/app/(dynamic)/(app)/layout'),
    import('@/app/(dynamic)/(app)/dashboard/[organization]/layout'),
    import('@/app/(dynamic)/(app)/dashboard/[organization]/(with-skeleton)/page'),
    import('@/app/(dynamic)/(app)/dashboard/[organization]/tasks/page'),
  ]);
  const layouts = [appLayout.default, organizationLayout.default] as Route['layouts'];
  routes = {
    home: { layouts, page: home.default as Route['page'], generateMetadata: home.generateMetadata },
    tasks: { layouts, page: tasksPage.default as Route['page'], generateMetadata: tasksPage.generateMetadata },
  };
});

/*
 * The budgets: the session (2: better-auth reads the session, then its user), the user's memberships with
 * their organizations (1), the past-due banner's subscription for billing managers (1 in its own tenant
 * transaction: 4), and the page's own tenant transaction (begin, set_config, the membership check, its reads,
 * commit). Raise one only with a reason in docs/performance.md.
 */
const BUDGET = { home: 14, tasks: 14 };

describe('statements per request', () => {
  it(`the organization home sends at most ${BUDGET.home}, and writes nothing once the organization is remembered`, async () => {
    await statementsOf(routes.home, owner, acme.slug); // the first visit remembers the organization
    const sent = await statementsOf(routes.home, owner, acme.slug);
    expect(sent.length, sent.join('\n')).toBeLessThanOrEqual(BUDGET.home);
    expect(sent.filter((text) => /^\s*(insert|update|delete)\b/i.test(text))).toEqual([]);
    expect(sent.filter((text) => /^\s*begin\b/i.test(text)).length, 'tenant transactions').toBe(2);
  });

  it(`the tasks list (filtered, searched, sorted) sends at most ${BUDGET.tasks}, in one tenant transaction besides the banner's`, async () => {
    const sent = await statementsOf(routes.tasks, owner, acme.slug, { status: 'todo', q: 'Task', sort: '-dueDate' });
    expect(sent.length, sent.join('\n')).toBeLessThanOrEqual(BUDGET.tasks);
    expect(sent.filter((text) => /^\s*(insert|update|delete)\b/i.test(text))).toEqual([]);
    expect(sent.filter((text) => /^\s*begin\b/i.test(text)).length, 'tenant transactions').toBe(2);
  });

  it('remembers the organization a user opens when it changes, and only then', async () => {
    const other = await makeOrganization([[owner, 'member']]);
    const opened = await statementsOf(routes.home, owner, other.slug);
    expect(opened.filter((text) => /organization_selections/i.test(text) && /^\s*insert/i.test(text))).toHaveLength(1);
    const again = await statementsOf(routes.home, owner, other.slug);
    expect(again.filter((text) => /^\s*insert/i.test(text))).toEqual([]);
  });
});
