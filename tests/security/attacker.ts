import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { e2eBaseUrl } from '../../playwright.config';
import { SESSION_COOKIE, createOrganization, createPerson, sessionCookieValue } from '../e2e/fixtures';
import { queryDatabase, uniqueEmail } from '../e2e/support';

/**
 * The attacker's tools for the adversarial suite (docs/security/adversarial-suite.md):
 * scenes written straight into the database of the server under test (people,
 * sessions and organizations from the suites' fixtures, tests/e2e/fixtures.ts;
 * tasks and invitations here), and an HTTP client
 * that speaks to the production build as any script could — cookies, CSRF
 * tokens, server actions called by their id, routes.
 */

async function insertTask(organizationId: string, title = `Secret task ${randomBytes(3).toString('hex')}`) {
  const [row] = await queryDatabase<{ id: string }>(
    `insert into tasks (organization_id, title) values ($1, $2) returning id`,
    [organizationId, title],
  );
  return { id: row!.id, title };
}

/** A pending invitation and the token its link carries (only the token's hash is stored, as the app does). */
export async function insertInvitation(organizationId: string, email: string, role = 'member') {
  const token = randomBytes(32).toString('base64url');
  const [row] = await queryDatabase<{ id: string }>(
    `insert into invitations (organization_id, email, role, token_hash, expires_at) values ($1, $2, $3, $4, now() + interval '7 days') returning id`,
    [organizationId, email.toLowerCase(), role, createHash('sha256').update(token).digest('hex')],
  );
  return { id: row!.id, token };
}

/** Everything an attack on an organization could change, to compare before and after. */
export async function organizationSnapshot(organizationId: string) {
  return {
    organization: await queryDatabase(`select name, slug, logo from organizations where id = $1`, [organizationId]),
    members: await queryDatabase(`select id, user_id, role from members where organization_id = $1 order by id`, [
      organizationId,
    ]),
    invitations: await queryDatabase(
      `select id, email, role, status, token_hash from invitations where organization_id = $1 order by id`,
      [organizationId],
    ),
    tasks: await queryDatabase(
      `select id, title, description, status, assignee_id from tasks where organization_id = $1 order by id`,
      [organizationId],
    ),
  };
}

/** What an action answered: its result (parsed from the Flight stream), or the refusal proxy.ts sent first. */
export interface ActionAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The action's `ActionResult`, when the action ran. */
  result?: {
    ok: boolean;
    error?: { code: string; status: number; message: string; fieldErrors?: Record<string, string[]> };
    data?: unknown;
  };
  /** Where the action redirected (x-action-redirect), when it did. */
  redirect?: string;
  /** The error code, wherever it came from (the action's result or proxy.ts's JSON envelope). */
  code?: string;
}

/** Finds the `ActionResult` in a Flight (RSC) response: the row holding an object with a boolean `ok`. */
function actionResultOf(text: string): ActionAnswer['result'] {
  // Rows are `<id>:<json>\n`, but a text row (`<id>:T<length>,…`) has no newline: find the result by its shape.
  for (const match of text.matchAll(/[0-9a-f]+:(\{"ok":(?:true|false)[^\n]*)/g)) {
    try {
      return JSON.parse(match[1]!) as ActionAnswer['result'];
    } catch {
      // not this one
    }
  }
  return undefined;
}

/**
 * A script on another machine: keeps its cookies, fetches a CSRF token like a
 * page does, calls server actions by id and routes — nothing a browser would
 * add (no Origin, no Sec-Fetch-Site) unless a test adds it.
 */
export class Client {
  readonly cookies = new Map<string, string>();

  constructor(readonly headers: Record<string, string> = {}) {}

  /** A client signed in as `person` (a fresh session of theirs). */
  static async signedInAs(person: { id: string }, headers: Record<string, string> = {}) {
    const client = new Client(headers);
    client.cookies.set(SESSION_COOKIE, await sessionCookieValue(person));
    return client;
  }

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async fetch(pathOrUrl: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
    const response = await fetch(new URL(pathOrUrl, e2eBaseUrl), {
      redirect: 'manual',
      ...init,
      headers: { ...this.headers, ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}), ...init.headers },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      const value = pair!.slice(index + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(pair!.slice(0, index));
      else this.cookies.set(pair!.slice(0, index), value);
    }
    return response;
  }

  /** A valid CSRF token for this client (GET /api/csrf sets the cookie it is bound to). */
  async csrfToken(): Promise<string> {
    const response = await this.fetch('/api/csrf');
    return ((await response.json()) as { token: string }).token;
  }

  /**
   * Calls a server action the way React does (`Next-Action: <id>`, arguments as
   * JSON text). `csrf` adds this client's token to the input unless false.
   */
  async action(
    actionId: string,
    input: Record<string, unknown>,
    options: { csrf?: boolean | string; headers?: Record<string, string>; path?: string } = {},
  ): Promise<ActionAnswer> {
    const token =
      options.csrf === false ? undefined : typeof options.csrf === 'string' ? options.csrf : await this.csrfToken();
    const response = await this.fetch(options.path ?? actionPage(actionId), {
      method: 'POST',
      headers: {
        'next-action': actionId,
        'content-type': 'text/plain;charset=UTF-8',
        accept: 'text/x-component',
        ...options.headers,
      },
      body: JSON.stringify([token ? { ...input, csrf_token: token } : input]),
    });
    return answerOf(response);
  }
}

async function answerOf(response: Response): Promise<ActionAnswer> {
  const text = await response.text();
  const result = actionResultOf(text);
  const redirect = response.headers.get('x-action-redirect')?.split(';')[0];
  let code = result?.error?.code;
  if (!code && response.headers.get('content-type')?.includes('json')) {
    try {
      code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
    } catch {
      // not JSON after all
    }
  }
  return { status: response.status, headers: response.headers, text, result, redirect, code };
}

/**
 * Where to post an action: a page outside the signed-in areas that serves it
 * (sign-in for signIn…), so cookies it sets come back — posting elsewhere makes
 * Next.js forward the call internally and they would not; '/' otherwise.
 */
function actionPage(id: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(process.cwd(), '.next-e2e/server/server-reference-manifest.json'), 'utf8'),
  ) as {
    node: Record<string, { workers: Record<string, unknown> }>;
  };
  const pages = Object.keys(manifest.node[id]?.workers ?? {})
    // A public page in the default language is served at its unprefixed path (/contact is [locale]/contact).
    .map((worker) => worker.replace('/[locale]/', '/'))
    .filter((worker) => worker.endsWith('/page') && !worker.includes('['))
    .map(
      (worker) =>
        `/${worker
          .replace(/^app\//, '')
          .replace(/\/?page$/, '')
          .split('/')
          .filter((segment) => !/^\(.*\)$/.test(segment))
          .join('/')}`,
    )
    .filter(
      (page) =>
        !['/dashboard', '/settings', '/onboarding'].some((area) => page === area || page.startsWith(`${area}/`)),
    );
  return pages[0] ?? '/';
}

/** One server action of the build: its id, the file that defines it and its exported name. */
export interface BuiltAction {
  id: string;
  file: string;
  exportedName: string;
}

/** The server actions of the build under test, read from its server-reference manifest. */
export function builtActions(): BuiltAction[] {
  const manifest = JSON.parse(
    readFileSync(path.join(process.cwd(), '.next-e2e/server/server-reference-manifest.json'), 'utf8'),
  ) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    file: entry.filename ?? '?',
    exportedName: entry.exportedName ?? '?',
  }));
}

/** The id of the action `file#exportedName` in the build (fails when the build has none). */
export function actionId(key: string): string {
  const found = builtActions().find((action) => `${action.file}#${action.exportedName}` === key);
  if (!found) throw new Error(`the build has no action ${key}`);
  return found.id;
}

/**
 * A signed-out attacker who sends a made-up session cookie: proxy.ts only looks
 * for the cookie's presence (a convenience redirect), so such a request reaches
 * the action or page, which must refuse it itself.
 */
export function forgedSessionClient(headers: Record<string, string> = {}) {
  const client = new Client(headers);
  client.cookies.set(SESSION_COOKIE, encodeURIComponent(`forged-${randomBytes(8).toString('hex')}.c2lnbmF0dXJl`));
  return client;
}

/**
 * A victim organization with something in every table an attack could reach, and an attacker outside it (owner of an
 * organization of their own).
 */
export async function attackScene() {
  const victim = await createPerson({ name: 'Victoria Victim' });
  const colleague = await createPerson({ name: 'Colin Colleague' });
  const organization = await createOrganization([
    [victim, 'owner'],
    [colleague, 'member'],
  ]);
  const task = await insertTask(organization.id);
  const invitedEmail = uniqueEmail('invited');
  const invitation = { ...(await insertInvitation(organization.id, invitedEmail)), email: invitedEmail };
  await sessionCookieValue(victim);
  const [session] = await queryDatabase<{ id: string }>(`select id from sessions where user_id = $1 limit 1`, [
    victim.id,
  ]);
  const attacker = await createPerson({ name: 'Mallory Attacker' });
  const attackerOrganization = await createOrganization([[attacker, 'owner']]);
  return {
    target: {
      victim,
      colleague,
      organization,
      taskId: task.id,
      taskTitle: task.title,
      invitation,
      victimSessionId: session!.id,
    },
    attacker,
    attackerOrganization,
  };
}
