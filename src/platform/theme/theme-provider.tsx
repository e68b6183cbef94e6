'use client';

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { Theme } from '@/platform/config/constants';
import { parseTheme, THEME_COOKIE, THEME_COOKIE_MAX_AGE_SECONDS } from './theme';

interface ThemeState {
  theme: Theme;
  setTheme(theme: Theme): void;
}

const noSubscription = () => () => undefined;

const ThemeContext = createContext<ThemeState | null>(null);

function applyTheme(theme: Theme) {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.dataset.theme = theme;
}

/** Holds the theme choice; follows the system setting live while the choice is "system". */
export function ThemeProvider({ initialTheme, children }: { initialTheme: Theme; children: ReactNode }) {
  const [chosen, setThemeState] = useState<Theme | null>(null);
  // Until one is chosen here: what the boot script applied. A prerendered page's server markup has the
  // default theme; hydration starts from that, then follows the visitor's own.
  const applied = useSyncExternalStore(
    noSubscription,
    () => parseTheme(document.documentElement.dataset.theme, initialTheme),
    () => initialTheme,
  );
  const theme = chosen ?? applied;

  useEffect(() => {
    if (theme !== 'system') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyTheme('system');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [theme]);

  const setTheme = useCallback((next: Theme) => {
    const secure = window.location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = `${THEME_COOKIE}=${next}; Path=/; Max-Age=${THEME_COOKIE_MAX_AGE_SECONDS}; SameSite=Lax${secure}`;
    applyTheme(next);
    setThemeState(next);
  }, []);

  return <ThemeContext.Provider value={{ theme, setTheme }}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeState {
  const state = useContext(ThemeContext);
  if (!state) throw new Error('useTheme() needs <ThemeProvider> (the root layout provides it).');
  return state;
}
