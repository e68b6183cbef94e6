import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/platform/config/app-config-schema';
import { CLIENT_ERROR_MESSAGES, messageCatalog, pickMessages } from './messages';

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

/*
 * English messages are written in US English ("recognize", "canceled"). Each
 * entry matches the British form of a word and its inflections; an ICU
 * argument name ("{behaviour, select, …}") is a code identifier, not text.
 */
const BRITISH_SPELLINGS = [
  /\b(recogni|organi|authori|customi|personali|initiali|prioriti|summari|optimi|utili|apologi|minimi|maximi)s(e|ed|es|ing|ation|ations)\b/i,
  /\b(finali|categori|synchroni|normali|reali|memori|standardi|speciali|visuali|critici|familiari|emphasi)s(e|ed|es|ing)\b/i,
  /\b(colour|behaviour|favourite|honour|labour|flavour|neighbour|humour|rumour|savour)(s|ed|ing|able)?\b/i,
  /\b(cancelled|cancelling|labelled|labelling|travelled|travelling|modelled|modelling|signalled|totalled)\b/i,
  /\b(centre|centres|metre|metres|litre|theatre|licence|defence|offence|catalogue|catalogues|dialogue|analogue)\b/i,
  /\b(analyse|analysed|analysing|paralyse|grey|judgement|acknowledgement|artefact|enrol|enrolment|fulfil|fulfilment)\b/i,
];

function englishMessages(value: unknown, key = ''): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key, text: value.replace(/\{\s*\w+/g, '{') }];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([child, node]) => englishMessages(node, key ? `${key}.${child}` : child));
}

describe('English messages', () => {
  it('use US spelling', () => {
    const british = englishMessages(messageCatalog.en)
      .map(({ key, text }) => ({
        key,
        word: BRITISH_SPELLINGS.map((pattern) => pattern.exec(text)?.[0]).find(Boolean),
      }))
      .filter(({ word }) => word);
    expect(british).toEqual([]);
  });
});

describe('pickMessages', () => {
  it('keeps the parts asked for, nested as in the catalogue, and nothing else', () => {
    const picked = pickMessages('en', ['tasks.status', 'tasks.home.myOpen', 'common']);
    expect(Object.keys(picked).sort()).toEqual(['common', 'tasks']);
    expect(Object.keys(picked.tasks!).sort()).toEqual(['home', 'status']);
    expect(Object.keys(picked.tasks!.home).sort()).toEqual(['myOpen']);
    expect(picked.tasks!.status).toEqual(messageCatalog.en.tasks.status);
    expect(picked.common).toEqual(messageCatalog.en.common);
  });

  it('gives the whole namespace when both it and a part of it are asked for, and never writes to the catalogue', () => {
    const before = JSON.stringify(messageCatalog.es.tasks);
    expect(pickMessages('es', ['tasks.status', 'tasks']).tasks).toEqual(messageCatalog.es.tasks);
    expect(pickMessages('es', ['tasks', 'tasks.home.myOpen']).tasks).toEqual(messageCatalog.es.tasks);
    expect(JSON.stringify(messageCatalog.es.tasks)).toBe(before);
  });

  it('refuses a path that names nothing (a renamed key must not leave a page without its words)', () => {
    expect(() => pickMessages('en', ['tasks.nothingHere'])).toThrow(/tasks\.nothingHere/);
  });

  it('sends the browser every `errors` message client code translates (the rest stays on the server)', () => {
    // Client modules that translate in `errors`: each literal key their translator is called with, and every
    // `validation.*` key a schema anywhere may hand to the browser's resolver.
    const files = (readdirSync('src', { recursive: true }) as string[])
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
      .map((file) => readFileSync(path.join('src', file), 'utf8'));
    const used = new Set<string>();
    for (const source of files) {
      for (const match of source.matchAll(/['"`](validation\.[A-Za-z.]+)['"`]/g)) used.add(match[1]!);
      if (!source.startsWith("'use client'")) continue;
      for (const [, translator] of source.matchAll(/const (\w+) = useTranslations\('errors'\)/g)) {
        for (const match of source.matchAll(new RegExp(`\\b${translator}\\('([^']+)'`, 'g'))) used.add(match[1]!);
      }
    }
    expect(used).toContain('SERVICE_UNAVAILABLE');
    expect(used).toContain('image.tooLarge');
    for (const locale of LOCALES) {
      const sent = keysOf(pickMessages(locale, CLIENT_ERROR_MESSAGES).errors);
      for (const key of used) expect(sent, `${locale}: errors.${key}`).toContain(key);
      // Only a part: the server's own refusals (auth, organizations, admin…) are not sent.
      expect(sent.length).toBeLessThan(keysOf(messageCatalog[locale].errors).length / 2);
    }
  });
});
