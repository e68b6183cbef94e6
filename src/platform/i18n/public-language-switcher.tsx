'use client';

import { Languages } from 'lucide-react';
import { usePathname } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { LOCALES, type Locale } from '@/platform/config/constants';
import { MenuButton } from '@/ui/menu-button';
import { LOCALE_COOKIE } from './locale';
import { localizedPath, splitLocale } from './public-paths';

const ONE_YEAR = 60 * 60 * 24 * 365;

function rememberLocale(locale: Locale) {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax${secure}`;
}

/**
 * The language switcher of the public site: links to the same page in each
 * language (`/pricing` ↔ `/es/pricing`), so it works on prerendered pages and
 * without JavaScript. Choosing one also remembers it in the language cookie
 * (as the signed-in app's switcher does with its action), so the app that
 * follows speaks the same language.
 */
export function PublicLanguageSwitcher({ defaultLocale }: { defaultLocale: Locale }) {
  const t = useTranslations('common.language');
  const locale = useLocale();
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
