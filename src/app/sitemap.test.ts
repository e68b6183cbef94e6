import { describe, expect, it } from 'vitest';
import { appConfig, LOCALES } from '@/platform/config/app-config';
import robots from './robots';
import sitemap from './sitemap';

const site = appConfig.site.url;
const otherLocale = LOCALES.find((locale) => locale !== appConfig.locales.default)!;

describe('sitemap.xml', () => {
  const entries = sitemap();
  const urls = entries.map((entry) => entry.url);

  it('lists the marketing pages in every language', () => {
    for (const path of ['', '/pricing', '/faq', '/contact']) {
      expect(urls).toContain(`${site}${path || '/'}`);
      expect(urls).toContain(`${site}/${otherLocale}${path}`);
    }
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('gives each entry its hreflang alternates, x-default included', () => {
    const pricing = entries.find((entry) => entry.url === `${site}/${otherLocale}/pricing`);
    expect(pricing?.alternates?.languages).toEqual({
      ...Object.fromEntries(
        LOCALES.map((l) => [l, l === appConfig.locales.default ? `${site}/pricing` : `${site}/${l}/pricing`]),
      ),
      'x-default': `${site}/pricing`,
    });
  });

  it('lists the posts, guides and legal pages, and no draft', () => {
    expect(urls).toContain(`${site}/blog/why-row-level-security`);
    expect(urls).toContain(`${site}/${otherLocale}/blog/why-row-level-security`);
    expect(urls).toContain(`${site}/docs/billing/stripe`);
    expect(urls).toContain(`${site}/legal/privacy`);
    expect(urls.filter((url) => url.includes('whats-next'))).toEqual([]);
  });

  it('lists no private area', () => {
    // The first segment after the language: /docs/auth/… is a guide, /auth/… is not.
    const area = (url: string) =>
      new URL(url).pathname.replace(new RegExp(`^/${otherLocale}(?=/|$)`), '').split('/')[1];
    expect(
      urls.filter((url) => /^(dashboard|settings|auth|api|dev|onboarding|join|billing)$/.test(area(url) ?? '')),
    ).toEqual([]);
  });
});

describe('robots.txt', () => {
  const result = robots();
  const rules = Array.isArray(result.rules) ? result.rules : [result.rules];

  it('points at the sitemap on the site URL', () => {
    expect(result.sitemap).toBe(`${site}/sitemap.xml`);
  });

  it('keeps crawlers out of the app, auth, API and development areas, and lets them in elsewhere', () => {
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ userAgent: '*', allow: '/' });
    expect(rules[0]!.disallow).toEqual(
      expect.arrayContaining(['/dashboard', '/settings', '/auth/', '/onboarding', '/api/', '/dev/']),
    );
    expect(rules[0]!.disallow).not.toContain('/');
  });
});
