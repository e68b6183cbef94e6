import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localizedPath, publicHref, publicRoute, splitLocale, UNLOCALIZED_SEGMENTS } from './public-paths';

describe('public paths', () => {
  it('serves unprefixed public paths in the default language, prefixed ones as they are', () => {
    expect(publicRoute('/', 'en')).toEqual({ action: 'rewrite', page: '/en', locale: 'en' });
    expect(publicRoute('/blog/hello', 'en')).toEqual({ action: 'rewrite', page: '/en/blog/hello', locale: 'en' });
    expect(publicRoute('/blog/feed.xml', 'en')).toEqual({ action: 'rewrite', page: '/en/blog/feed.xml', locale: 'en' });
    expect(publicRoute('/es', 'en')).toEqual({ action: 'serve', page: '/es', locale: 'es' });
    expect(publicRoute('/es/pricing/', 'en')).toEqual({ action: 'serve', page: '/es/pricing', locale: 'es' });
    // Another default language: its own prefix is the one that redirects.
    expect(publicRoute('/en/pricing', 'es')).toEqual({ action: 'serve', page: '/en/pricing', locale: 'en' });
  });

  it('redirects the default language prefix to the unprefixed URL', () => {
    expect(publicRoute('/en', 'en')).toEqual({ action: 'redirect', to: '/' });
    expect(publicRoute('/en/', 'en')).toEqual({ action: 'redirect', to: '/' });
    expect(publicRoute('/en/docs/intro', 'en')).toEqual({ action: 'redirect', to: '/docs/intro' });
  });

  it('leaves the app, auth pages, the API and root files alone', () => {
    for (const pathname of [
      '/dashboard',
      '/dashboard/acme/tasks',
      '/settings/profile',
      '/auth/sign-in',
      '/onboarding',
      '/join',
      '/api/health',
      '/billing/local-checkout/x',
      '/dev/mailbox',
      '/_next/static/chunks/a.js',
      '/robots.txt',
      '/sitemap.xml',
      '/manifest.webmanifest',
      '/icon',
      '/opengraph-image',
      '/blog/why-row-level-security.svg',
      '/marketing/tasks-light.webp',
    ])
      expect({ pathname, route: publicRoute(pathname, 'en') }).toEqual({ pathname, route: null });
  });

  it('names every top-level area of the dynamic tree (a new one would otherwise be sent to [locale])', () => {
    const segments = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_') && !entry.name.startsWith('@'))
        .flatMap((entry) => (/^\(.*\)$/.test(entry.name) ? segments(path.join(dir, entry.name)) : [entry.name]));
    const dynamicAreas = [...segments('src/app/(dynamic)'), 'api'];
    expect(dynamicAreas.length).toBeGreaterThan(5);
    expect(dynamicAreas.filter((segment) => !UNLOCALIZED_SEGMENTS.includes(segment))).toEqual([]);
  });

  it('builds links in the page language', () => {
    expect(localizedPath('es', '/', 'en')).toBe('/es');
    expect(localizedPath('es', '/pricing', 'en')).toBe('/es/pricing');
    expect(localizedPath('en', '/pricing', 'en')).toBe('/pricing');
    expect(splitLocale('/es/blog/x')).toEqual({ locale: 'es', rest: '/blog/x' });
    expect(splitLocale('/blog/x')).toEqual({ locale: null, rest: '/blog/x' });
    expect(publicHref('es', '/contact?topic=sales#form', 'en')).toBe('/es/contact?topic=sales#form');
    expect(publicHref('es', '/', 'en')).toBe('/es');
    expect(publicHref('es', '/dashboard', 'en')).toBe('/dashboard');
    expect(publicHref('es', '/es/pricing', 'en')).toBe('/es/pricing');
    expect(publicHref('es', 'https://example.com/x', 'en')).toBe('https://example.com/x');
    expect(publicHref('en', '/pricing', 'en')).toBe('/pricing');
  });
});
