import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateInput } from './validation';
import { isSingleLine, multiLineText, singleLineText, toSingleLine } from './text-fields';

const form = z.object({ name: singleLineText().min(1).max(20), notes: multiLineText().max(100) });

describe('singleLineText', () => {
  it('refuses every control, separator and bidi character, with its own message in each language', () => {
    const forbidden = [
      '\u0000',
      '\t',
      '\n',
      '\r',
      '\u001b',
      '\u007f',
      '\u0080',
      '\u0085',
      '\u009f',
      '\u2028',
      '\u2029',
      '\u202a',
      '\u202e',
      '\u2066',
      '\u2069',
    ];
    for (const character of forbidden) {
      expect(isSingleLine(`a${character}b`), JSON.stringify(character)).toBe(false);
      expect(validateInput(form, { name: `a${character}b`, notes: '' }, 'en')).toEqual({
        ok: false,
        fieldErrors: { name: ['Write this on one line, without line breaks, tabs or invisible control characters.'] },
      });
    }
    expect(validateInput(form, { name: 'Evil\r\nBcc: x@y', notes: '' }, 'es')).toEqual({
      ok: false,
      fieldErrors: {
        name: ['Escríbelo en una sola línea, sin saltos de línea, tabuladores ni caracteres de control invisibles.'],
      },
    });
  });

  it('keeps letters of any script, emoji, joiners and the marks people do type; trims', () => {
    for (const text of ['Zoë', '李小龙', 'عربي', '👩‍💻', 'a\u200db', 'x\u00a0y'])
      expect(isSingleLine(text), text).toBe(true);
    expect(validateInput(form, { name: '  Ada  ', notes: '' }, 'en')).toEqual({
      ok: true,
      data: { name: 'Ada', notes: '' },
    });
  });

  it('can be chained with the length rules', () => {
    expect(validateInput(form, { name: 'x'.repeat(21), notes: '' }, 'en')).toMatchObject({
      ok: false,
      fieldErrors: { name: ['Use at most 20 characters.'] },
    });
  });
});

describe('multiLineText', () => {
  it('keeps line breaks, as LF whatever the browser sent', () => {
    expect(validateInput(form, { name: 'a', notes: 'one\r\ntwo\rthree\nfour' }, 'en')).toEqual({
      ok: true,
      data: { name: 'a', notes: 'one\ntwo\nthree\nfour' },
    });
  });

  it('refuses the other controls', () => {
    for (const character of ['\t', '\u0000', '\u007f', '\u0085', '\u2028', '\u202e', '\u2067']) {
      expect(validateInput(form, { name: 'a', notes: `x${character}y` }, 'en'), JSON.stringify(character)).toEqual({
        ok: false,
        fieldErrors: { notes: ['Remove the invisible control characters (tabs, direction marks…) from this text.'] },
      });
    }
  });
});

describe('toSingleLine', () => {
  it('turns each run of such characters, with the spaces around it, into one space', () => {
    expect(toSingleLine('Evil\r\nBcc: x@y')).toBe('Evil Bcc: x@y');
    expect(toSingleLine(' \u202eAcme \t\n Inc\u2069 ')).toBe('Acme Inc');
    expect(toSingleLine('Plain name')).toBe('Plain name');
  });
});
