import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAppConfig, type NavigationItem, type NavigationSection } from '@/platform/config/app-config-schema';
import { messageCatalog } from './messages';

/**
 * Every translation key the code names must exist. The type checker catches
 * most (next-intl.d.ts); this also covers keys it cannot see: those in the
 * navigation configuration and those written in components as strings.
 */
function hasKey(key: string) {
  return (
    key
      .split('.')
      .reduce<unknown>(
        (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
        messageCatalog.en,
      ) !== undefined
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** `const t = useTranslations('ns')` / `await getTranslations('ns')` and the literal keys each `t` is called with. */
function keysUsedIn(source: string): string[] {
  const keys: string[] = [];
  const bindings = source.matchAll(
    /const\s+(?:\[\s*)?(\w+)[^=]*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*(?:'([^']*)')?\s*\)/g,
  );
  for (const [, name, namespace] of bindings) {
    for (const [, key] of source.matchAll(
      new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.raw|\\.has)?\\(\\s*'([^'$\`{]+)'`, 'g'),
    )) {
      keys.push(namespace ? `${namespace}.${key}` : key!);
    }
  }
  return keys;
}

describe('translation keys used by the code', () => {
  it('all exist', () => {
    const missing = sourceFiles(path.resolve('src')).flatMap((file) =>
      keysUsedIn(readFileSync(file, 'utf8'))
        .filter((key) => !hasKey(key))
        .map((key) => `${path.relative(process.cwd(), file)}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('include every label of the navigation configuration', () => {
    const navigation = buildAppConfig({}).navigation;
    const labels = [
      ...navigation.marketing.map((item: NavigationItem) => item.labelKey),
      ...[...navigation.footer, ...navigation.sidebar].flatMap((section: NavigationSection) => [
        section.labelKey,
        ...section.items.map((item) => item.labelKey),
      ]),
    ];
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.filter((key) => !hasKey(key))).toEqual([]);
  });

  it('the scan itself finds keys (so a missing one would be caught)', () => {
    expect(keysUsedIn(`const t = useTranslations('contact');\nt('title'); t('nope.key')`)).toEqual([
      'contact.title',
      'contact.nope.key',
    ]);
    expect(keysUsedIn(`const [t, f] = await Promise.all([getTranslations('x'), y]);`)).toEqual([]);
  });
});
