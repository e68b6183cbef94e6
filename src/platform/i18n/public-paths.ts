import { LOCALES, type Locale } from '@/platform/config/constants';

/**
 * The public site (marketing, blog, docs, legal) carries its language in the
 * URL: the default language has no prefix (`/pricing`), the others do
 * (`/es/pricing`). The signed-in app, auth pages, the API and Next's own
 * files are served by the dynamic tree without a language in the URL: these
 * are their first path segments. A new top-level area of the dynamic tree
 * (`src/app/(dynamic)/...`) is added here (a unit test checks the two agree).
 */
export const UNLOCALIZED_SEGMENTS: readonly string[] = [
  '_next',
  'admin',
  'api',
  'auth',
  'billing',
  'dashboard',
  'dev',
  'join',
  'onboarding',
  'settings',
];

/** Files generated at the root (icons, manifest, social image): never localized. */
const ROOT_FILES = new Set(['icon', 'apple-icon', 'opengraph-image', 'twitter-image']);

/**
 * Files of `public/` in any folder (`/blog/cover.svg`, `/marketing/tasks-light.webp`): served as they are.
 * Routes that end in a file name of their own (`/blog/feed.xml`) are pages of `[locale]`, so XML and JSON
 * are not in this list.
 */
const PUBLIC_FILE = /\.(?:svg|png|jpe?g|webp|avif|gif|ico|woff2?|txt|pdf|mp4|webm)$/i;

function isLocaleCode(value: string | undefined): value is Locale {
  return value !== undefined && (LOCALES as readonly string[]).includes(value);
}

/** `/es/pricing` → es and `/pricing`; `/pricing` → null and `/pricing`. */
export function splitLocale(pathname: string): { locale: Locale | null; rest: string } {
  const [, first, ...others] = pathname.split('/');
  if (!isLocaleCode(first)) return { locale: null, rest: pathname };
  return { locale: first, rest: `/${others.join('/')}` };
}

/** The public URL of `path` (unprefixed, starting with `/`) in `locale`. */
export function localizedPath(locale: Locale, path: string, defaultLocale: Locale): string {
  if (locale === defaultLocale) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/**
 * What the proxy does with a request path:
 * - `null`: not a public page (app, auth, API, files): untouched;
 * - `redirect`: `/en/...` in the default language goes to its unprefixed URL;
 * - `rewrite`: an unprefixed public path is served by `/[locale]` in the default language;
 * - `serve`: a prefixed path in another language is served as it is.
 * `page` is the path Next.js renders (`/en/pricing`), the key of the static pages' CSP manifest.
 */
export type PublicRoute =
  { action: 'redirect'; to: string } | { action: 'rewrite' | 'serve'; page: string; locale: Locale };

export function publicRoute(pathname: string, defaultLocale: Locale): PublicRoute | null {
  const [, first = ''] = pathname.split('/');
  if (UNLOCALIZED_SEGMENTS.includes(first)) return null;
  // Files at the root (robots.txt, sitemap.xml, favicon.ico, manifest.webmanifest) and generated icons.
  if (pathname.lastIndexOf('/') === 0 && (first.includes('.') || ROOT_FILES.has(first))) return null;
  if (PUBLIC_FILE.test(pathname)) return null;
  const { locale, rest } = splitLocale(pathname);
  if (locale === defaultLocale) return { action: 'redirect', to: rest === '/' ? '/' : rest.replace(/\/$/, '') };
  if (locale) return { action: 'serve', page: pathname.replace(/(.)\/$/, '$1'), locale };
  return {
    action: 'rewrite',
    page: pathname === '/' ? `/${defaultLocale}` : `/${defaultLocale}${pathname}`,
    locale: defaultLocale,
  };
}

/**
 * A link target on a public page in `locale`: public paths get the language
 * prefix (`/pricing` → `/es/pricing`); app, auth and API paths, anchors and
 * other sites stay as they are.
 */
export function publicHref(locale: Locale, href: string, defaultLocale: Locale): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const end = href.search(/[?#]/);
  const pathname = end === -1 ? href : href.slice(0, end);
  if (!publicRoute(pathname, defaultLocale) || splitLocale(pathname).locale) return href;
  return `${localizedPath(locale, pathname, defaultLocale)}${end === -1 ? '' : href.slice(end)}`;
}
