import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/platform/config/app-config-schema';
import { messageCatalog } from './messages';

function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('message catalog', () => {
  it('has exactly the same keys in every language', () => {
    const reference = keysOf(messageCatalog.en).sort();
    for (const locale of LOCALES) {
      const keys = keysOf(messageCatalog[locale]).sort();
      expect({
        locale,
        missing: reference.filter((k) => !keys.includes(k)),
        extra: keys.filter((k) => !reference.includes(k)),
      }).toEqual({
        locale,
        missing: [],
        extra: [],
      });
    }
  });

  it('has no empty message', () => {
    for (const locale of LOCALES) {
      const empty = keysOf(messageCatalog[locale]).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messageCatalog[locale]);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect({ locale, empty }).toEqual({ locale, empty: [] });
    }
  });
});
