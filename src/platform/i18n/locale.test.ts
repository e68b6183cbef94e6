import { describe, expect, it } from 'vitest';
import { parseAcceptLanguage, resolveLocale } from './locale';

describe('locale resolution', () => {
  it('prefers the saved preference, then the cookie, then Accept-Language, then the default', () => {
    const base = { defaultLocale: 'en' as const };
    expect(resolveLocale({ ...base, userPreference: 'es', cookie: 'en', acceptLanguage: 'en' })).toBe('es');
    expect(resolveLocale({ ...base, cookie: 'es', acceptLanguage: 'en' })).toBe('es');
    expect(resolveLocale({ ...base, acceptLanguage: 'es-MX,es;q=0.9,en;q=0.8' })).toBe('es');
    expect(resolveLocale({ ...base, acceptLanguage: 'zz-ZZ,xx;q=0.5' })).toBe('en');
    expect(resolveLocale({ defaultLocale: 'es' })).toBe('es');
  });

  it('ignores unsupported saved values instead of failing', () => {
    expect(
      resolveLocale({ defaultLocale: 'en', userPreference: 'xx', cookie: '../../etc', acceptLanguage: 'es' }),
    ).toBe('es');
  });

  it('orders Accept-Language by quality and drops q=0', () => {
    expect(parseAcceptLanguage('en;q=0.3, es;q=0.9, fr;q=0, *')).toEqual(['es', 'en']);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });
});
