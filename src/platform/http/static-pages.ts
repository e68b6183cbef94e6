import { readFileSync } from 'node:fs';
import path from 'node:path';
import { logger } from '@/platform/logger';

/**
 * Prerendered public pages and the hashes of their inline scripts, written by
 * `npm run build` (scripts/lib/static-pages-csp.ts) beside the build, read by
 * `proxy.ts` to send each such page a Content-Security-Policy that allows
 * exactly its own inline scripts (decision 0049).
 */
export const STATIC_PAGES_MANIFEST = 'static-pages-csp.json';

export interface StaticPagesManifest {
  /** Page path as Next.js renders it (`/en`, `/es/pricing`) → its inline scripts' hash sources. */
  pages: Record<string, string[]>;
}

export function staticPagesManifestPath(distDir = process.env.NEXT_DIST_DIR || '.next') {
  return path.resolve(distDir, STATIC_PAGES_MANIFEST);
}

let pages: Map<string, readonly string[]> | undefined;

/** The hash sources of a prerendered page's inline scripts, or undefined for a page rendered per request. */
export function prerenderedPageHashes(page: string): readonly string[] | undefined {
  pages ??= loadManifest();
  return pages.get(page);
}

function loadManifest(): Map<string, readonly string[]> {
  // `next dev` renders every page per request (and may find a production build's manifest in .next).
  if (process.env.NODE_ENV === 'development') return new Map();
  try {
    const manifest = JSON.parse(readFileSync(staticPagesManifestPath(), 'utf8')) as StaticPagesManifest;
    return new Map(Object.entries(manifest.pages));
  } catch (error) {
    // A build made with `next build` alone: public pages fall back to a nonce, which their prerendered
    // scripts do not carry, so browsers refuse them. Said once, loudly.
    logger.error(
      { err: error },
      `${STATIC_PAGES_MANIFEST} is missing from the build: build with \`npm run build\` so prerendered pages ` +
        'get their Content-Security-Policy hashes',
    );
    return new Map();
  }
}

/** Tests only: forget the manifest read so far. */
export function forgetStaticPagesManifest() {
  pages = undefined;
}
