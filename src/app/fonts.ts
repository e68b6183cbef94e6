import localFont from 'next/font/local';

/**
 * The brand font, loaded from a local file (no network at build or run time).
 * To change it: install another @fontsource(-variable) package and point `src`
 * at its .woff2 file, or drop your own files in src/app/fonts/ and list them.
 * The CSS variable feeds --font-sans in globals.css.
 */
export const brandFont = localFont({
  src: '../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  weight: '100 900',
  style: 'normal',
  display: 'swap',
  variable: '--font-brand',
  fallback: ['ui-sans-serif', 'system-ui', 'Segoe UI', 'Roboto', 'Arial'],
});
