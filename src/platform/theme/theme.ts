import type { Theme } from '@/platform/config/constants';

/**
 * The visitor's theme choice lives in a cookie (readable by the server, so a
 * page is rendered in the right theme) and is applied before first paint by
 * the inline script below, so there is never a flash of the wrong theme.
 */
export const THEME_COOKIE = 'keel-theme';
export const THEME_COOKIE_MAX_AGE_SECONDS = 60 * 60 * 24 * 365;

export function parseTheme(value: string | undefined | null, fallback: Theme): Theme {
  return value === 'light' || value === 'dark' || value === 'system' ? value : fallback;
}

/** The class the server can put on <html>: known for light/dark; for "system" the script decides. */
export function serverThemeClass(theme: Theme): string | undefined {
  return theme === 'dark' ? 'dark' : undefined;
}

/**
 * Runs in <head> before the body is parsed: reads the cookie and the system
 * preference and sets `dark` on <html>. Kept tiny and dependency-free; it is
 * allowed by the CSP through the request's nonce.
 */
export function themeBootScript(fallback: Theme): string {
  return `(function(){try{var m=document.cookie.match(/(?:^|; )${THEME_COOKIE}=(light|dark|system)/);var t=m?m[1]:${JSON.stringify(fallback)};var d=t==='dark'||(t==='system'&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d);document.documentElement.dataset.theme=t;}catch(e){}})();`;
}
