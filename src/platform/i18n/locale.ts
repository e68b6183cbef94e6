// The constants, not app-config: client components import this file, and app-config would bring zod along.
import { LOCALES, type Locale } from '@/platform/config/constants';

/** The cookie the language switcher writes (next-intl's default name). */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Languages in an Accept-Language header, most preferred first (q=0 entries dropped). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}

/**
 * The visitor's language: their saved preference, then the language cookie,
 * then the browser's Accept-Language (exact or base language), then the
 * configured default.
 */
export function resolveLocale(input: {
  userPreference?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
  defaultLocale: Locale;
}): Locale {
  if (isLocale(input.userPreference)) return input.userPreference;
  if (isLocale(input.cookie)) return input.cookie;
  const byLowerCase = new Map(LOCALES.map((locale) => [locale.toLowerCase(), locale] as const));
  for (const tag of parseAcceptLanguage(input.acceptLanguage)) {
    const exact = byLowerCase.get(tag) ?? byLowerCase.get(tag.split('-')[0]!);
    if (exact) return exact;
  }
  return input.defaultLocale;
}
