import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { publicRoute } from '../../src/platform/i18n/public-paths';

/**
 * The link checker: crawls the public site of the production build from its entry points and its sitemap,
 * following every internal link of every public page; each link must answer (after redirects) below 400, and
 * each `#anchor` must name an element of its page. Pages of the app (dashboard, auth…) are checked, not crawled.
 */

const DEFAULT_LOCALE = 'en';

/** Entry points; `/docs` and `/blog` once the build has them (their branches add them to the site). */
function entryPoints(): string[] {
  const manifest = path.resolve(process.env.NEXT_DIST_DIR || '.next-e2e', 'server/app-paths-manifest.json');
  const routes = existsSync(manifest) ? Object.keys(JSON.parse(readFileSync(manifest, 'utf8'))) : [];
  const has = (section: string) => routes.some((route) => route.startsWith(`/[locale]/${section}`));
  return ['/', '/es', ...['docs', 'blog'].filter(has).map((section) => `/${section}`)];
}

interface Fetched {
  status: number;
  ids: Set<string>;
  links: string[];
}

function linksIn(html: string): string[] {
  const hrefs = [
    ...html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g),
    ...html.matchAll(/<link\b[^>]*\srel="(?:canonical|alternate)"[^>]*\shref="([^"]*)"/g),
  ];
  return hrefs.map(([, href]) => href!.replace(/&amp;/g, '&'));
}

function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map(([, id]) => id!));
}

test('no broken internal link or anchor on the public site', async ({ request, baseURL }) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL!).origin;
  const pages = new Map<string, Promise<Fetched>>();
  const fetchPage = (request: APIRequestContext, pathname: string) => {
    let fetched = pages.get(pathname);
    if (!fetched) {
      fetched = request.get(pathname).then(async (response) => {
        const html = response.headers()['content-type']?.includes('text/html') ? await response.text() : '';
        // Only public pages are crawled further; the app's pages are checked, not explored.
        const crawl = publicRoute(new URL(response.url()).pathname, DEFAULT_LOCALE) !== null;
        return { status: response.status(), ids: idsIn(html), links: crawl ? linksIn(html) : [] };
      });
      pages.set(pathname, fetched);
    }
    return fetched;
  };

  const sitemap = await request.get('/sitemap.xml');
  const fromSitemap =
    sitemap.status() === 200
      ? [...(await sitemap.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, url]) => new URL(url!).pathname)
      : [];
  const queue: { target: string; from: string }[] = [...entryPoints(), ...fromSitemap].map((target) => ({
    target,
    from: 'entry point',
  }));
  const broken: string[] = [];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const batch = queue.splice(0, 8);
    await Promise.all(
      batch.map(async ({ target, from }) => {
        const url = new URL(target, origin);
        const key = `${url.pathname}${url.search}${url.hash}`;
        if (seen.has(key)) return;
        seen.add(key);
        const page = await fetchPage(request, `${url.pathname}${url.search}`);
        if (page.status >= 400) broken.push(`${key} (${page.status}) ← ${from}`);
        else if (url.hash && !page.ids.has(decodeURIComponent(url.hash.slice(1))))
          broken.push(`${key} (no element with that id) ← ${from}`);
        for (const link of page.links) {
          const next = new URL(link, url);
          if (next.origin !== origin && next.origin !== new URL(process.env.NEXT_PUBLIC_SITE_URL ?? origin).origin)
            continue;
          if (next.pathname.startsWith('/api/auth')) continue;
          queue.push({ target: `${next.pathname}${next.search}${next.hash}`, from: key });
        }
      }),
    );
  }
  expect(seen.size).toBeGreaterThan(5);
  expect(broken).toEqual([]);
});
