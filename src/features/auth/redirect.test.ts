import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect';

describe('safeRedirectPath', () => {
  it('keeps a path of this site with its query and fragment', () => {
    expect(safeRedirectPath('/ok?x=1#y')).toBe('/ok?x=1#y');
    expect(safeRedirectPath('/settings/security')).toBe('/settings/security');
  });

  it('gives the fallback for nothing at all', () => {
    expect(safeRedirectPath(undefined)).toBe('/dashboard');
    expect(safeRedirectPath('')).toBe('/dashboard');
    expect(safeRedirectPath(null)).toBe('/dashboard');
    expect(safeRedirectPath(['/settings'])).toBe('/dashboard');
    expect(safeRedirectPath(undefined, '/elsewhere')).toBe('/elsewhere');
    expect(safeRedirectPath('', '')).toBe('');
  });

  it.each([
    ['a protocol-relative URL', '//evil.com'],
    ['a slash then a backslash', '/\\evil.com'],
    ['two backslashes', '\\\\evil'],
    ['an absolute URL', 'https://evil.com'],
    ['an absolute URL without slashes', 'https:evil.com'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path (no leading slash)', 'dashboard'],
    ['percent-encoded slashes', '%2F%2Fevil.com'],
    // Browsers would keep this on our host, but a proxy or framework that decodes the path first would not: refused.
    ['a path with percent-encoded slashes', '/%2F%2Fevil.com'],
    ['doubly encoded slashes', '%252F%252Fevil.com'],
    ['a path with doubly encoded slashes', '/%252F%252Fevil.com'],
    ['a tab that URL parsers drop', '/\t/evil.com'],
    ['an encoded tab', '/%09/evil.com'],
    ['a newline', '/\n/evil.com'],
    ['an encoded backslash', '/%5Cevil.com'],
    ['dot segments that resolve to //', '/..//evil.com'],
    ['dot segments deeper in the path', '/dashboard/../..//evil.com'],
    ['a single dot segment before //', '/.//evil.com'],
    ['encoded dot segments', '/%2e%2e//evil.com'],
    ['malformed percent-encoding', '/%E0%A4%A'],
    ['a very long value', `/${'a'.repeat(2001)}`],
  ])('refuses %s', (_label, next) => {
    expect(safeRedirectPath(next)).toBe('/dashboard');
  });

  it('never returns anything a browser could read as another host', () => {
    const attempts = [
      '//evil.com',
      '/..//evil.com',
      '/./\\evil.com',
      '/a/b/../../..//evil.com/x',
      '/%2e/%2e%2e//evil.com',
      '/\\/evil.com',
    ];
    for (const next of attempts) {
      const target = safeRedirectPath(next, '/fallback');
      expect(new URL(target, 'https://keel.example').origin, next).toBe('https://keel.example');
      expect(target, next).not.toMatch(/^[/\\]{2}/);
    }
  });

  it('normalises harmless dot segments instead of refusing them', () => {
    expect(safeRedirectPath('/settings/../dashboard')).toBe('/dashboard');
  });
});
