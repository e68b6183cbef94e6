import { describe, expect, it } from 'vitest';
import { appConfig, LOCALES } from '@/platform/config/app-config';
import { languageAlternates, localizedPath, localizedUrl } from './localized-path';
import { publicMetadata } from './metadata';

const site = appConfig.site.url;
const defaultLocale = appConfig.locales.default;
const otherLocale = LOCALES.find((locale) => locale !== defaultLocale)!;

describe('localizedPath', () => {
  it('leaves the default language unprefixed and prefixes the others', () => {
    expect(localizedPath(defaultLocale, '/')).toBe('/');
    expect(localizedPath(defaultLocale, '/pricing')).toBe('/pricing');
    expect(localizedPath(otherLocale, '/')).toBe(`/${otherLocale}`);
    expect(localizedPath(otherLocale, '/pricing')).toBe(`/${otherLocale}/pricing`);
  });

  it('refuses a path that does not start with a slash', () => {
    expect(() => localizedPath(defaultLocale, 'pricing')).toThrow(/starting with "\/"/);
  });
});

describe('languageAlternates', () => {
  it('names every language and x-default, on the site URL', () => {
    const alternates = languageAlternates('/faq');
    expect(Object.keys(alternates).sort()).toEqual([...LOCALES, 'x-default'].sort());
    expect(alternates[otherLocale]).toBe(`${site}/${otherLocale}/faq`);
    expect(alternates[defaultLocale]).toBe(`${site}/faq`);
    expect(alternates['x-default']).toBe(`${site}/faq`);
  });
});

describe('publicMetadata', () => {
  it('gives each language its own canonical URL and the same alternates', () => {
    const inDefault = publicMetadata({ locale: defaultLocale, path: '/pricing', title: 'Pricing', description: 'D' });
    const inOther = publicMetadata({ locale: otherLocale, path: '/pricing', title: 'Precios', description: 'D' });
    expect(inDefault.alternates?.canonical).toBe(`${site}/pricing`);
    expect(inOther.alternates?.canonical).toBe(`${site}/${otherLocale}/pricing`);
    expect(inOther.alternates?.languages).toEqual(inDefault.alternates?.languages);
    expect(inOther.alternates?.languages).toMatchObject({ 'x-default': `${site}/pricing` });
  });

  it('fills title, description, Open Graph and the Twitter card', () => {
    const metadata = publicMetadata({
      locale: otherLocale,
      path: '/',
      title: 'Inicio',
      description: 'Una descripción',
      images: [{ url: '/marketing/x.png', width: 1200, height: 630, alt: 'x' }],
    });
    expect(metadata.title).toBe('Inicio');
    expect(metadata.description).toBe('Una descripción');
    expect(metadata.openGraph).toMatchObject({
      url: `${site}/${otherLocale}`,
      locale: otherLocale,
      siteName: appConfig.site.name,
      title: `Inicio · ${appConfig.site.name}`,
      description: 'Una descripción',
      images: [{ url: '/marketing/x.png', width: 1200, height: 630, alt: 'x' }],
    });
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image', description: 'Una descripción' });
  });

  it('leaves images out when none are given (the route’s opengraph-image applies)', () => {
    const metadata = publicMetadata({ locale: defaultLocale, path: '/faq', title: 'FAQ', description: 'D' });
    expect(metadata.openGraph).not.toHaveProperty('images');
    expect(metadata.twitter).not.toHaveProperty('images');
  });
});

it('localizedUrl is absolute on the configured site URL', () => {
  expect(localizedUrl(otherLocale, '/contact')).toBe(`${site}/${otherLocale}/contact`);
});
