import { appConfig, LOCALES, type Locale } from '@/platform/config/app-config';

/**
 * A public page's path in a language: the default language has no prefix (`/pricing`), the others
 * do (`/es/pricing`). `path` starts with `/` and carries no language of its own.
 */
export function localizedPath(locale: Locale, path: string): string {
  if (!path.startsWith('/')) throw new Error(`localizedPath expects a path starting with "/", got "${path}"`);
  if (locale === appConfig.locales.default) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/** The absolute URL of a public page in a language, on the configured site URL. */
export function localizedUrl(locale: Locale, path: string): string {
  return `${appConfig.site.url}${localizedPath(locale, path)}`;
}

/** hreflang alternates of a page: every language, and `x-default` (the default language's URL). */
export function languageAlternates(path: string): Record<string, string> {
  const languages: Record<string, string> = {};
  for (const locale of LOCALES) languages[locale] = localizedUrl(locale, path);
  languages['x-default'] = localizedUrl(appConfig.locales.default, path);
  return languages;
}
