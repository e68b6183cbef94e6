import { z } from 'zod';

/**
 * Free text typed by people, for every schema (forms, actions, routes). Safe
 * in the browser: no server imports.
 *
 * Characters no one types on purpose and that change how text reads or
 * travels: C0 controls (NUL…US, including TAB, CR and LF), DEL, C1 controls,
 * the Unicode line and paragraph separators, and the bidirectional embedding,
 * override and isolate marks (which can make "evil.exe" display as
 * "exe.live"). A line break in a name would end up in an email header; the
 * others hide or reorder what a reader sees.
 */
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** The same, except the line feed that separates a multi-line text's lines. */
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function isSingleLine(text: string): boolean {
  return !SINGLE_LINE_FORBIDDEN.test(text);
}

/**
 * A one-line text field (a name, a title, a search): trimmed, and refused
 * with `validation.singleLine` when it holds a control, separator or bidi
 * character. Add the length rules after it:
 *
 *   name: singleLineText().min(1).max(100)
 */
export function singleLineText() {
  return z.string().trim().refine(isSingleLine, 'validation.singleLine');
}

/**
 * A text area (a description, a message): line breaks are kept — browsers
 * send them as CR LF, stored as LF — and every other character that
 * `singleLineText` refuses is refused with `validation.controlCharacters`.
 *
 *   description: multiLineText().max(10_000)
 */
export function multiLineText() {
  return z
    .string()
    .trim()
    .overwrite((text) => text.replace(/\r\n?/g, '\n'))
    .refine((text) => !MULTI_LINE_FORBIDDEN.test(text), 'validation.controlCharacters');
}

/**
 * Text that must fit on one line where refusing is not an option (an email
 * header made from stored data, a name from an OAuth provider): each run of
 * those characters, with the spaces around it, becomes one space.
 */
export function toSingleLine(text: string): string {
  return text.replace(new RegExp(`\\s*(?:${SINGLE_LINE_FORBIDDEN.source}\\s*)+`, 'g'), ' ').trim();
}
