import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { queryDatabase } from '../e2e/support';
import { Client, actionId, attackScene, builtActions, forgedSessionClient, organizationSnapshot } from './attacker';
import { ACTIONS, ROUTES } from './endpoints';

/**
 * Every endpoint, discovered — never listed by hand alone: the build's server
 * actions (its server-reference manifest), the exports of every 'use server'
 * file, and the handlers of every route.ts. Each must have a line in
 * endpoints.ts saying who may call it, and each is then attacked by that line.
 */

function filesUnder(folder: string, match: (name: string) => boolean): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && match(entry.name))
    .map((entry) => path.relative(process.cwd(), path.join(entry.parentPath, entry.name)));
}

/** `<file>#<export>` of every export of a 'use server' module in src/. */
function sourceActions(): string[] {
  return filesUnder('src', (name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .filter((file) => /^\s*['"]use server['"]/.test(readFileSync(file, 'utf8')))
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^export (?:const|async function|function) (\w+)/gm)].map(
        (match) => `${file}#${match[1]}`,
      ),
    );
}

/** `<METHOD> <url pattern>` of every handler a route.ts exports (route groups dropped). */
function sourceRoutes(): string[] {
  return filesUnder('src/app', (name) => /^route\.tsx?$/.test(name)).flatMap((file) => {
    const url = `/${path
      .dirname(path.relative('src/app', file))
      .split(path.sep)
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .join('/')}`;
    const source = readFileSync(file, 'utf8');
    return [
      ...source.matchAll(/^export (?:const|async function|function) (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/gm),
    ].map((match) => `${match[1]} ${url}`);
  });
}

test('discovery: every server action and route handler is listed in the suite with the guard it must enforce', () => {
  const built = builtActions().map((action) => `${action.file}#${action.exportedName}`);
  const discovered = [...new Set([...built, ...sourceActions()])].sort();
  expect(built.length, 'the build has server actions').toBeGreaterThan(40);
  expect(
    discovered.filter((key) => !(key in ACTIONS)),
    'actions missing from tests/security/endpoints.ts',
  ).toEqual([]);
  expect(
    Object.keys(ACTIONS).filter((key) => !discovered.includes(key)),
    'actions listed but gone',
  ).toEqual([]);

  const routes = sourceRoutes().sort();
  expect(
    routes.filter((key) => !(key in ROUTES)),
    'route handlers missing from tests/security/endpoints.ts',
  ).toEqual([]);
  expect(
    Object.keys(ROUTES).filter((key) => !routes.includes(key)),
    'routes listed but gone',
  ).toEqual([]);
});

test('CSRF: every server action refuses a call with no token, a forged token, or another visitor’s token', async () => {
  // A made-up session cookie gets the call past proxy.ts to actions served only on signed-in pages.
  const attacker = forgedSessionClient();
  const otherVisitorsToken = await new Client().csrfToken();
  const forged = `v1.${Math.floor(Date.now() / 1000)}.${'A'.repeat(22)}.${'B'.repeat(43)}`;
  for (const key of Object.keys(ACTIONS)) {
    for (const [variant, csrf] of [
      ['no token', false],
      ['forged token', forged],
      ["another visitor's token", otherVisitorsToken],
    ] as const) {
      const answer = await attacker.action(actionId(key), { email: 'x@example.com' }, { csrf });
      expect(answer.code, `${key} with ${variant}`).toBe('CSRF_TOKEN_INVALID');
    }
  }
});

test('authentication: every action not listed as public refuses a caller whose session cookie is made up (401), whatever proxy.ts lets through', async () => {
  const { target } = await attackScene();
  const attacker = forgedSessionClient();
  for (const [key, entry] of Object.entries(ACTIONS)) {
    if (entry.guard === 'public' || !entry.input) continue;
    const answer = await attacker.action(actionId(key), entry.input(target));
    expect(answer.code, key).toBe('UNAUTHENTICATED');
    expect(answer.result?.error?.status, key).toBe(401);
  }
});

test('cross-tenant writes: every organization action aimed at another organization is refused as not found and changes nothing there', async () => {
  const { target, attacker } = await attackScene();
  const client = await Client.signedInAs(attacker);
  const before = await organizationSnapshot(target.organization.id);
  const organizationActions = Object.entries(ACTIONS).filter(
    ([, entry]) => entry.guard === 'member' || typeof entry.guard === 'object',
  );
  expect(organizationActions.length).toBeGreaterThan(10);
  for (const [key, entry] of organizationActions) {
    if (!entry.input) continue;
    const answer = await client.action(actionId(key), entry.input(target));
    expect(answer.code, key).toBe('NOT_FOUND');
    expect(answer.redirect, key).toBeUndefined();
    expect(await organizationSnapshot(target.organization.id), `${key} changed nothing`).toEqual(before);
  }
});

test('super admin: every admin action answers a signed-in account that is not a super admin as not found, changing nothing', async () => {
  const { target, attacker } = await attackScene();
  const client = await Client.signedInAs(attacker);
  const adminActions = Object.entries(ACTIONS).filter(
    ([, entry]) => entry.guard === 'super-admin' || entry.guard === 'impersonating',
  );
  expect(adminActions.length).toBeGreaterThan(0);
  for (const [key, entry] of adminActions) {
    const answer = await client.action(actionId(key), entry.input!(target));
    expect(answer.code, key).toBe('NOT_FOUND');
    expect(answer.result?.error?.status, key).toBe(404);
  }
  expect(await queryDatabase('select banned_at from users where id = $1', [target.victim.id])).toEqual([
    { banned_at: null },
  ]);
  expect(await queryDatabase('select id from sessions where id = $1', [target.victimSessionId])).toHaveLength(1);
});

test('cross-account writes: signed-in actions naming another account’s session or invitation leave them untouched', async () => {
  const { target, attacker } = await attackScene();
  const client = await Client.signedInAs(attacker);
  await client.action(actionId('src/features/auth/server/session-actions.ts#signOutSession'), {
    sessionId: target.victimSessionId,
  });
  expect(await queryDatabase('select id from sessions where id = $1', [target.victimSessionId])).toHaveLength(1);

  for (const key of [
    'src/features/organizations/server/actions.ts#acceptInvitationAction',
    'src/features/organizations/server/actions.ts#acceptInvitationByIdAction',
  ]) {
    const answer = await client.action(actionId(key), ACTIONS[key]!.input!(target));
    expect(answer.result?.ok, key).toBe(false);
    expect(answer.redirect, key).toBeUndefined();
  }
  expect(
    await queryDatabase('select 1 from members where organization_id = $1 and user_id = $2', [
      target.organization.id,
      attacker.id,
    ]),
  ).toEqual([]);
  expect(await queryDatabase('select status from invitations where id = $1', [target.invitation.id])).toEqual([
    { status: 'pending' },
  ]);
});

test('routes: state-changing routes need a CSRF token, members-only routes answer 401 signed out and 404 to other organizations, leaking nothing', async () => {
  const { target, attacker } = await attackScene();
  const signedIn = await Client.signedInAs(attacker);
  for (const [key, entry] of Object.entries(ROUTES)) {
    const [method] = key.split(' ');
    const url = entry.url(target);
    if (entry.guard === 'signature') {
      // No CSRF token to check (a provider cannot have one): unsigned, it is refused with nothing done (400);
      // a provider not in use has no endpoint at all (404), whatever signature header comes with it.
      const unsigned = await new Client().fetch(url, {
        method,
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(unsigned.status, `${key} unsigned`).toBe(400);
      for (const offUrl of entry.notInUse ?? []) {
        const off = await new Client().fetch(offUrl, {
          method,
          headers: {
            'content-type': 'application/json',
            'stripe-signature': 't=1,v1=00',
            'x-signature': '00',
            'paddle-signature': 'ts=1;h1=00',
          },
          body: '{}',
        });
        expect(off.status, `${offUrl} (not in use)`).toBe(404);
      }
      continue;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      const response = await new Client().fetch(url, {
        method,
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status, `${key} without a token`).toBe(403);
      expect((await response.json()).error.code, key).toBe('CSRF_TOKEN_INVALID');
    }
    if (entry.guard === 'public') continue;
    const signedOut = await forgedSessionClient().fetch(url, { method });
    expect(signedOut.status, `${key} signed out`).toBe(401);
    const crossTenant = await signedIn.fetch(url, { method });
    expect(crossTenant.status, `${key} from another organization`).toBe(404);
    const body = await crossTenant.text();
    expect(body).not.toContain(target.taskTitle);
    expect(body).not.toContain(target.organization.name);
  }
});
