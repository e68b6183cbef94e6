import { getTranslations } from 'next-intl/server';
import { ThemeSwitcherMenu } from './theme-switcher-menu';

/** Light, dark or system, in the page's language. Rendered only when the theme switcher feature flag is on. */
export async function ThemeSwitcher() {
  const t = await getTranslations('common.theme');
  return <ThemeSwitcherMenu labels={{ label: t('label'), light: t('light'), dark: t('dark'), system: t('system') }} />;
}
