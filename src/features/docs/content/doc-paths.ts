/**
 * Where a guide lives on the site. Guides are files under docs/ (English, the language they are written in);
 * a file under docs/<locale>/ (e.g. docs/es/billing/stripe.md) is that guide in another language. A folder's
 * README.md is the folder's page: docs/README.md is /docs, docs/decisions/README.md is /docs/decisions.
 */
import path from 'node:path';

/** The language the guides in docs/ are written in: every other language falls back to it. */
export const SOURCE_LOCALE = 'en';

export interface DocLocation {
  locale: string;
  /** '' for docs/README.md, 'billing/stripe' for docs/billing/stripe.md. */
  slug: string;
}

/** `relativePath` is relative to docs/ and ends in .md (content-collections' `_meta.filePath`). */
export function docLocation(relativePath: string, translatedLocales: readonly string[]): DocLocation {
  const segments = relativePath.replace(/\.md$/, '').split('/');
  const locale = segments.length > 1 && translatedLocales.includes(segments[0]!) ? segments.shift()! : SOURCE_LOCALE;
  if (segments.at(-1) === 'README') segments.pop();
  return { locale, slug: segments.join('/') };
}

/** The site path of a guide, without the language prefix. */
export function docPath(slug: string): string {
  return slug ? `/docs/${slug}` : '/docs';
}

/** Resolves a link written in a guide (relative to the guide's file) to a repository path, or null if external. */
export function repositoryTarget(guideFile: string, href: string): { file: string; hash: string } | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('#') || href.startsWith('/')) {
    return null;
  }
  const hashAt = href.indexOf('#');
  const target = hashAt === -1 ? href : href.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : href.slice(hashAt);
  const file = path.posix.normalize(path.posix.join(path.posix.dirname(guideFile), decodeURI(target)));
  return { file, hash };
}
