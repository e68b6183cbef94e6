import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A visitor without a browser: plain HTTP with a cookie jar, calling pages,
 * API routes and server actions exactly as the browser's JavaScript does
 * (an action is a POST with its id in `Next-Action` and its arguments as
 * JSON). The jar is not tied to a host, so the same visitor can alternate
 * between instances, as a load balancer would send one person's requests.
 */

/** Server action ids of the build under test, by `<file>#<export>`. */
let actionIds: Map<string, string> | undefined;
function actionId(file: string, exportedName: string): string {
  if (!actionIds) {
    const manifestFile = path.join(
      process.cwd(),
      process.env.NEXT_DIST_DIR || '.next-e2e',
      'server/server-reference-manifest.json',
    );
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      node: Record<string, { filename: string; exportedName: string }>;
    };
    actionIds = new Map(
      Object.entries(manifest.node).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]),
    );
  }
  const id = actionIds.get(`${file}#${exportedName}`);
  if (!id) throw new Error(`No server action ${exportedName} in ${file} in this build`);
  return id;
}

export interface ActionOutcome {
  status: number;
  /** Where the action sent the browser (redirect()), if it did. */
  redirect: string | null;
  /** The ActionResult it returned, if it returned one. */
  result: { ok: boolean; data?: unknown; error?: { code: string; message: string; requestId?: string } } | null;
}

export class HttpVisitor {
  readonly cookies = new Map<string, string>();
  private csrf: string | undefined;

  constructor(private readonly baseUrl: string) {}

  /**
   * A request to `path` on `baseUrl` (or another instance's URL), sending and keeping cookies; redirects are not
   * followed.
   */
  async request(
    requestPath: string,
    init: RequestInit & { baseUrl?: string; timeoutMs?: number } = {},
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(new URL(requestPath, init.baseUrl ?? this.baseUrl), {
      ...init,
      headers,
      redirect: 'manual',
      signal: init.signal ?? AbortSignal.timeout(init.timeoutMs ?? 30_000),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** A CSRF token for this visitor (its CSRF cookie comes with the first answer), fetched once. */
  async csrfToken(baseUrl?: string): Promise<string> {
    if (!this.csrf) {
      const response = await this.request('/api/csrf', { baseUrl });
      if (!response.ok) throw new Error(`GET /api/csrf answered ${response.status}`);
      this.csrf = ((await response.json()) as { token: string }).token;
    }
    return this.csrf;
  }

  /**
   * Calls the server action `exportedName` of `file` from the page at
   * `pagePath`, with the visitor's CSRF token, as the page's JavaScript would.
   */
  async action(
    pagePath: string,
    file: string,
    exportedName: string,
    input: Record<string, unknown>,
    options: { baseUrl?: string; timeoutMs?: number } = {},
  ): Promise<ActionOutcome> {
    const body = JSON.stringify([{ ...input, csrf_token: await this.csrfToken(options.baseUrl) }]);
    const response = await this.request(pagePath, {
      ...options,
      method: 'POST',
      headers: {
        'next-action': actionId(file, exportedName),
        'content-type': 'text/plain;charset=UTF-8',
        accept: 'text/x-component',
      },
      body,
    });
    const text = await response.text();
    const redirect = response.headers.get('x-action-redirect')?.split(';')[0] ?? null;
    // The Flight answer is one row per line, `<id>:<json>`: the action's return value is the row the root points at.
    const rows = new Map(
      text
        .split('\n')
        .map((line) => /^([0-9a-f]+):(\{.*)$/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => [match[1]!, match[2]!]),
    );
    const root = rows.get('0') ? (JSON.parse(rows.get('0')!) as { a?: string }) : null;
    const pointer = root?.a?.startsWith('$@') ? root.a.slice(2) : null;
    const result = pointer && rows.has(pointer) ? (JSON.parse(rows.get(pointer)!) as ActionOutcome['result']) : null;
    return { status: response.status, redirect, result };
  }
}
