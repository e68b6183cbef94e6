import { describe, expect, it } from 'vitest';
import { knownDeviceFor, rememberDevice } from './known-device';
import { slowdownMs } from './sign-in-throttle';

describe('known-device cookie values', () => {
  it('are valid for the account they were made for only', () => {
    const cookie = rememberDevice(undefined, 'user-a');
    const device = knownDeviceFor(cookie, 'user-a');
    expect(device).toMatch(/^[\w-]{22}$/);
    expect(knownDeviceFor(cookie, 'user-b')).toBeNull();
    expect(cookie).not.toContain('user-a');
  });

  it('keep the device id across sign-ins, and remember a few accounts, latest first', () => {
    const first = rememberDevice(undefined, 'user-a');
    const again = rememberDevice(first, 'user-a');
    expect(again).toBe(first);
    const both = rememberDevice(first, 'user-b');
    expect(knownDeviceFor(both, 'user-a')).toBe(knownDeviceFor(first, 'user-a'));
    expect(knownDeviceFor(both, 'user-b')).not.toBeNull();
    const many = ['c', 'd', 'e', 'f', 'g'].reduce((cookie, id) => rememberDevice(cookie, `user-${id}`), both);
    expect(many.split('~')).toHaveLength(5);
    expect(knownDeviceFor(many, 'user-g')).not.toBeNull();
    expect(knownDeviceFor(many, 'user-a')).toBeNull();
  });

  it('refuse an altered signature, an altered id, and rubbish', () => {
    const cookie = rememberDevice(undefined, 'user-a');
    const [id, signature] = cookie.split('.') as [string, string];
    expect(knownDeviceFor(`${id}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`, 'user-a')).toBeNull();
    expect(knownDeviceFor(`${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}.${signature}`, 'user-a')).toBeNull();
    for (const rubbish of ['', '.', '~~', 'x.y', `${id}.`]) expect(knownDeviceFor(rubbish, 'user-a')).toBeNull();
  });
});

describe('the slowdown for an address under attack', () => {
  it('leaves the first five attempts alone, then doubles up to four seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(slowdownMs)).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000, 4000, 4000]);
  });
});
