import { describe, expect, it } from 'vitest';
import { knownDeviceFor, rememberDevice } from './known-device';
import { slowdownMs } from './sign-in-throttle';

/** An account as entries are signed for it; `passwordHash` stands for its current password hash. */
const account = (userId: string, passwordHash = 'hash-1') => ({ userId, passwordHash });
const NOW = Date.UTC(2026, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

describe('known-device cookie values', () => {
  it('are valid for the account they were made for only', () => {
    const cookie = rememberDevice(undefined, account('user-a'), NOW);
    const device = knownDeviceFor(cookie, account('user-a'), NOW);
    expect(device).toMatch(/^[\w-]{22}$/);
    expect(knownDeviceFor(cookie, account('user-b'), NOW)).toBeNull();
    expect(cookie).not.toContain('user-a');
  });

  it('end when the account’s password changes', () => {
    const cookie = rememberDevice(undefined, account('user-a', 'hash-1'), NOW);
    expect(knownDeviceFor(cookie, account('user-a', 'hash-1'), NOW)).not.toBeNull();
    expect(knownDeviceFor(cookie, account('user-a', 'hash-2'), NOW)).toBeNull();
  });

  it('end a year after the sign-in that issued them (each sign-in issues the entry anew)', () => {
    const cookie = rememberDevice(undefined, account('user-a'), NOW);
    expect(knownDeviceFor(cookie, account('user-a'), NOW + 364 * DAY_MS)).not.toBeNull();
    expect(knownDeviceFor(cookie, account('user-a'), NOW + 366 * DAY_MS)).toBeNull();
    const renewed = rememberDevice(cookie, account('user-a'), NOW + 300 * DAY_MS);
    expect(knownDeviceFor(renewed, account('user-a'), NOW + 366 * DAY_MS)).toBe(
      knownDeviceFor(cookie, account('user-a'), NOW),
    );
    // A later issue time cannot be written in: it is signed.
    const [id, , signature] = cookie.split('.') as [string, string, string];
    expect(
      knownDeviceFor(
        `${id}.${Math.floor((NOW + 366 * DAY_MS) / 1000)}.${signature}`,
        account('user-a'),
        NOW + 366 * DAY_MS,
      ),
    ).toBeNull();
  });

  it('keep the device id across sign-ins, and remember a few accounts, latest first', () => {
    const first = rememberDevice(undefined, account('user-a'), NOW);
    const again = rememberDevice(first, account('user-a'), NOW);
    expect(again).toBe(first);
    const both = rememberDevice(first, account('user-b'), NOW);
    expect(knownDeviceFor(both, account('user-a'), NOW)).toBe(knownDeviceFor(first, account('user-a'), NOW));
    expect(knownDeviceFor(both, account('user-b'), NOW)).not.toBeNull();
    const many = ['c', 'd', 'e', 'f', 'g'].reduce(
      (cookie, id) => rememberDevice(cookie, account(`user-${id}`), NOW),
      both,
    );
    expect(many.split('~')).toHaveLength(5);
    expect(knownDeviceFor(many, account('user-g'), NOW)).not.toBeNull();
    expect(knownDeviceFor(many, account('user-a'), NOW)).toBeNull();
  });

  it('refuse an altered signature, an altered id, and rubbish', () => {
    const cookie = rememberDevice(undefined, account('user-a'), NOW);
    const [id, issued, signature] = cookie.split('.') as [string, string, string];
    expect(
      knownDeviceFor(
        `${id}.${issued}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
        account('user-a'),
        NOW,
      ),
    ).toBeNull();
    expect(
      knownDeviceFor(
        `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}.${issued}.${signature}`,
        account('user-a'),
        NOW,
      ),
    ).toBeNull();
    for (const rubbish of ['', '.', '..', '~~', 'x.y', 'x.1.y', `${id}.`, `${id}.${issued}.`])
      expect(knownDeviceFor(rubbish, account('user-a'), NOW)).toBeNull();
  });
});

describe('the slowdown for an address under attack', () => {
  it('leaves the first five attempts alone, then doubles up to four seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(slowdownMs)).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000, 4000, 4000]);
  });
});
