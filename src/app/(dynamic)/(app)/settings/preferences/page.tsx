import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { cookies } from 'next/headers';
import { PreferencesForm } from '@/features/auth/components/settings/preferences-form';
import { SettingsSection } from '@/features/auth/components/settings/settings-section';
import { requireUser } from '@/features/auth/server';
import { appConfig } from '@/platform/config/app-config';
import { isLocale } from '@/platform/i18n/locale';
import { THEME_COOKIE, parseTheme } from '@/platform/theme/theme';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.preferences');
  return { title: t('title') };
}

export default async function PreferencesSettingsPage() {
  const user = await requireUser();
  const [t, locale, cookieStore] = await Promise.all([getTranslations('settings.preferences'), getLocale(), cookies()]);
  // What is saved on the account; until something is, what this browser uses now.
  const theme = parseTheme(user.theme ?? cookieStore.get(THEME_COOKIE)?.value, appConfig.theme.default);
  return (
    <SettingsSection title={t('title')} description={t('description')}>
      <PreferencesForm
        locale={isLocale(user.locale) ? user.locale : isLocale(locale) ? locale : appConfig.locales.default}
        theme={theme}
      />
    </SettingsSection>
  );
}
