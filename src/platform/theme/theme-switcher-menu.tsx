'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { THEMES, type Theme } from '@/platform/config/constants';
import { MenuButton } from '@/ui/menu-button';
import { useTheme } from './theme-provider';

const ICONS = { light: Sun, dark: Moon, system: Monitor } satisfies Record<Theme, unknown>;

/** The menu's words: its name and each theme's. */
export type ThemeMenuLabels = { label: string } & Record<Theme, string>;

/**
 * Light, dark or system: the menu itself (theme-switcher.tsx gives it its words). It takes them as props
 * rather than from next-intl's hooks, so the prerendered public pages carry no message formatter.
 */
export function ThemeSwitcherMenu({ labels }: { labels: ThemeMenuLabels }) {
  const t = (key: keyof ThemeMenuLabels) => labels[key];
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
