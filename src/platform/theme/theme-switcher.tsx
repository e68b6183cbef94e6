'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { THEMES, type Theme } from '@/platform/config/constants';
import { MenuButton } from '@/ui/menu-button';
import { useTheme } from './theme-provider';

const ICONS = { light: Sun, dark: Moon, system: Monitor } satisfies Record<Theme, unknown>;

/** Light, dark or system. Rendered only when the theme switcher feature flag is on. */
export function ThemeSwitcher() {
  const t = useTranslations('common.theme');
  const { theme, setTheme } = useTheme();
  const Icon = ICONS[theme];
  return (
    <MenuButton
      label={`${t('label')}: ${t(theme)}`}
      icon={<Icon aria-hidden />}
      heading={t('label')}
      data-testid="theme-switcher"
      items={THEMES.map((option) => {
        const OptionIcon = ICONS[option];
        return {
          id: option,
          label: t(option),
          icon: <OptionIcon aria-hidden className="size-4" />,
          checked: option === theme,
          onSelect: () => setTheme(option),
        };
      })}
    />
  );
}
