import 'server-only';
import { eq } from 'drizzle-orm';
import type { Locale, Theme } from '@/platform/config/app-config';
import { getServerConfig } from '@/platform/config/server-config';
import { db } from '@/platform/db/client';
import type { RequestContext } from '@/platform/http/request-context';
import { LOCALE_COOKIE, isLocale } from '@/platform/i18n/locale';
import { THEME_COOKIE, THEME_COOKIE_MAX_AGE_SECONDS, parseTheme } from '@/platform/theme/theme';
import { users } from './schema';

export interface Preferences {
  locale: Locale;
  theme: Theme;
}

/** Saves the user's language and theme; they follow the user to any browser at sign-in. */
export async function savePreferences(userId: string, preferences: Preferences) {
  await db
    .update(users)
    .set({ locale: preferences.locale, theme: preferences.theme, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

/**
 * Sets the language and theme cookies from a user's saved preferences (after
 * sign-in, or after saving them). Nothing is set for a preference never saved,
 * so the browser's own choice stays. The theme cookie is read by the inline
 * theme script, so it is not httpOnly (it holds no secret).
 */
export async function applyPreferenceCookies(context: Pick<RequestContext, 'responseCookies'>, user: unknown) {
  const { locale, theme } = (user ?? {}) as { locale?: unknown; theme?: unknown };
  const secure = getServerConfig().isProduction;
  if (isLocale(locale)) {
    await context.responseCookies.set(LOCALE_COOKIE, locale, {
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      sameSite: 'lax',
      secure,
    });
  }
  if (typeof theme === 'string' && parseTheme(theme, 'system') === theme) {
    await context.responseCookies.set(THEME_COOKIE, theme, {
      path: '/',
      maxAge: THEME_COOKIE_MAX_AGE_SECONDS,
      sameSite: 'lax',
      secure,
      httpOnly: false,
    });
  }
}
