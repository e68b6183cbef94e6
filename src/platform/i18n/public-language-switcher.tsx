import { getLocale, getTranslations } from 'next-intl/server';
import { LOCALES, type Locale } from '@/platform/config/constants';
import { PublicLanguageMenu, type PublicLanguageMenuLabels } from './public-language-menu';

/** The public site's language menu (public-language-menu.tsx), in the page's language. */
export async function PublicLanguageSwitcher({ defaultLocale }: { defaultLocale: Locale }) {
  const [t, locale] = await Promise.all([getTranslations('common.language'), getLocale()]);
  const labels = {
    label: t('label'),
    change: t('change'),
    ...Object.fromEntries(LOCALES.map((option) => [option, t(option)])),
  } as PublicLanguageMenuLabels;
  return <PublicLanguageMenu locale={locale as Locale} defaultLocale={defaultLocale} labels={labels} />;
}
