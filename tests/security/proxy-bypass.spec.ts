import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Client, attackScene, forgedSessionClient } from './attacker';

/**
 * proxy.ts is a convenience, never the lock: known ways around a Next.js
 * middleware/proxy (CVE-2025-29927's x-middleware-subrequest, Flight and
 * prefetch requests, .rsc and _rsc) must not show anyone a protected page.
 * The pages are discovered: every page.tsx under a signed-in area.
 */

const SIGNED_IN_AREAS = ['/dashboard', '/settings', '/onboarding'];

function protectedPages(): string[] {
  return readdirSync('src/app', { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === 'page.tsx')
    .map(
      (entry) =>
        `/${path
          .relative('src/app', entry.parentPath)
          .split(path.sep)
          .filter((segment) => !/^\(.*\)$/.test(segment))
          .join('/')}`,
    )
    .filter((url) => SIGNED_IN_AREAS.some((area) => url === area || url.startsWith(`${area}/`)));
}

const PROBES: { name: string; headers?: Record<string, string>; suffix?: (url: string) => string }[] = [
  { name: 'plain' },
  { name: 'x-middleware-subrequest (proxy)', headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' } },
  {
    name: 'x-middleware-subrequest (src/middleware)',
    headers: {
      'x-middleware-subrequest': 'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
    },
  },
  {
    name: 'x-middleware-subrequest (middleware)',
    headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
  },
  { name: 'Flight (RSC: 1)', headers: { rsc: '1' } },
  { name: 'prefetch', headers: { rsc: '1', 'next-router-prefetch': '1' } },
  {
    name: 'segment prefetch',
    headers: { rsc: '1', 'next-router-prefetch': '1', 'next-router-segment-prefetch': '/_tree' },
  },
  { name: '_rsc query', suffix: (url) => `${url}?_rsc=abcde` },
  { name: '.rsc suffix', suffix: (url) => `${url}.rsc` },
  { name: 'x-invoke-path', headers: { 'x-invoke-path': '/', 'x-invoke-query': '%7B%7D' } },
];

test('proxy bypass: no probe shows any protected page to a visitor without a valid session, nor another organization’s pages to a signed-in outsider', async () => {
  const { target, attacker } = await attackScene();
  const pages = protectedPages();
  expect(pages.length).toBeGreaterThan(10);
  const urls = pages.map((url) =>
    url.replace('[organization]', target.organization.slug).replace('[task]', target.taskId),
  );
  const secrets = [target.organization.name, target.taskTitle, target.victim.email, target.colleague.name];
  const outsider = await Client.signedInAs(attacker);

  for (const url of urls) {
    for (const probe of PROBES) {
      const address = probe.suffix ? probe.suffix(url) : url;
      for (const [who, client] of [
        ['no session', new Client()],
        ['made-up session', forgedSessionClient()],
        ['outsider', outsider],
      ] as const) {
        if (who === 'outsider' && !url.startsWith('/dashboard/')) continue;
        const response = await client.fetch(address, { headers: probe.headers });
        const body = await response.text();
        const label = `${who} ${probe.name} ${address} → ${response.status}`;
        expect(response.status, label).toBeLessThan(500);
        for (const secret of secrets) expect(body, label).not.toContain(secret);
        if (who !== 'outsider' && response.status === 200) {
          // A 200 may only be Next's answer to a Flight request: a redirect to sign in, never the page.
          expect(body, label).toMatch(/\/auth\/sign-in|NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|^$/);
        }
      }
    }
  }
});
