import { describe, expect, it } from 'vitest';
import { initialsFromName } from './initials';

describe('initialsFromName', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initialsFromName('Ada Lovelace')).toBe('AL');
    expect(initialsFromName('  Grace   Brewster Murray Hopper ')).toBe('GH');
  });

  it('uses one letter for a single word', () => {
    expect(initialsFromName('ada')).toBe('A');
  });

  it('reads the local part of an email address', () => {
    expect(initialsFromName('grace.hopper@example.com')).toBe('GH');
    expect(initialsFromName('linus@example.com')).toBe('L');
  });

  it('keeps whole letters outside ASCII and skips leading punctuation', () => {
    expect(initialsFromName('Ørjan Żak')).toBe('ØŻ');
    expect(initialsFromName('(Ada) "Lovelace"')).toBe('AL');
  });

  it('returns an empty string when there is nothing to use', () => {
    expect(initialsFromName('')).toBe('');
    expect(initialsFromName('  ')).toBe('');
  });
});
