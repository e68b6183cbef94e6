/**
 * After `next build` (scripts/build.ts): the hashes of every prerendered public
 * page's inline scripts, written to the build's static-pages manifest, which
 * proxy.ts reads to send each page a Content-Security-Policy allowing exactly
 * those scripts (decision 0049). Prerendered HTML is the same bytes for every
 * visitor, so its scripts can be known in advance; a nonce cannot be.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scriptHashSource } from '../../src/platform/http/security-headers';
import { staticPagesManifestPath, type StaticPagesManifest } from '../../src/platform/http/static-pages';

/**
 * The hash sources of a page's inline scripts: every <script> without `src`
 * whose type is JavaScript. Data blocks (JSON-LD, `application/json`) never run
 * and need none. The browser hashes the element's text exactly as written.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && type !== 'module' && !/^(text|application)\/(java|ecma)script$/.test(type)) continue;
    hashes.add(scriptHashSource(body));
  }
  return [...hashes].sort();
}

interface PrerenderManifest {
  routes: Record<string, { srcRoute?: string | null; initialRevalidateSeconds?: number | false }>;
}

/** Writes the manifest for the build in `distDir`; returns what it found, for the build's log. */
export function writeStaticPagesManifest(distDir: string) {
  const prerendered = JSON.parse(
    readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8'),
  ) as PrerenderManifest;
  const pages: StaticPagesManifest['pages'] = {};
  const problems: string[] = [];
  for (const [route, entry] of Object.entries(prerendered.routes)) {
    // Public pages only: the `[locale]` tree. (Next's own /_not-found, metadata images and the like stay as they are.)
    if (!entry.srcRoute?.startsWith('/[locale]')) continue;
    const file = path.join(distDir, 'server/app', `${route}.html`);
    if (!existsSync(file)) continue;
    // A page regenerated while serving would change its scripts after their hashes were written down.
    if (entry.initialRevalidateSeconds !== false && entry.initialRevalidateSeconds !== undefined) {
      problems.push(`${route} revalidates (every ${entry.initialRevalidateSeconds} s): public pages must be static`);
      continue;
    }
    pages[route] = inlineScriptHashes(readFileSync(file, 'utf8'));
  }
  const manifest: StaticPagesManifest = { pages };
  writeFileSync(staticPagesManifestPath(distDir), `${JSON.stringify(manifest, null, 1)}\n`);
  const largest = Object.entries(pages).reduce<[string, number]>(
    (most, [route, hashes]) => (hashes.length > most[1] ? [route, hashes.length] : most),
    ['', 0],
  );
  return { pages: Object.keys(pages).length, largest, problems };
}
