'use client';

import { Languages } from 'lucide-react';
import { usePathname } from 'next/navigation';
import { LOCALES, type Locale } from '@/platform/config/constants';
import { MenuButton } from '@/ui/menu-button';
import { LOCALE_COOKIE } from './locale';
import { localizedPath, splitLocale } from './public-paths';

const ONE_YEAR = 60 * 60 * 24 * 365;

function rememberLocale(locale: Locale) {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax${secure}`;
}

/** The menu's words: its name, the button's prefix, and each language's own name. */
export type PublicLanguageMenuLabels = { label: string; change: string } & Record<Locale, string>;

/**
 * The language switcher of the public site: links to the same page in each
 * language (`/pricing` ↔ `/es/pricing`), so it works on prerendered pages and
 * without JavaScript. Choosing one also remembers it in the language cookie
 * (as the signed-in app's switcher does with its action), so the app that
 * follows speaks the same language.
 */
export function PublicLanguageMenu({
  locale,
  defaultLocale,
  labels,
}: {
  locale: Locale;
  defaultLocale: Locale;
  /** The menu's words (public-language-switcher.tsx): no message formatter in the public pages' scripts. */
  labels: PublicLanguageMenuLabels;
}) {
  const t = (key: keyof PublicLanguageMenuLabels) => labels[key];
  // The address bar's path (`/pricing`, `/es/pricing`), whatever the page's internal one.
  const { rest } = splitLocale(usePathname());
  return (
    <MenuButton
      label={`${t('change')}: ${t(locale)}`}
      icon={<Languages aria-hidden />}
      heading={t('label')}
      data-testid="language-switcher"
      items={LOCALES.map((option) => ({
        id: option,
        label: t(option),
        href: localizedPath(option, rest, defaultLocale),
        hrefLang: option,
        lang: option,
        current: option === locale,
        onSelect: () => rememberLocale(option),
      }))}
    />
  );
}
