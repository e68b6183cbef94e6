import { describe, expect, it } from 'vitest';
import { slugOfPath } from './current';

describe('slugOfPath', () => {
  it('reads the organization part of dashboard paths', () => {
    expect(slugOfPath('/dashboard/acme')).toBe('acme');
    expect(slugOfPath('/dashboard/acme/members?page=2')).toBe('acme');
    expect(slugOfPath('/dashboard/ac%20me/settings')).toBe('ac me');
  });

  it('is null elsewhere and for malformed escapes', () => {
    expect(slugOfPath('/dashboard')).toBeNull();
    expect(slugOfPath('/dashboard?x=1')).toBeNull();
    expect(slugOfPath('/settings/profile')).toBeNull();
    expect(slugOfPath('/dashboard/%E0%A4%A')).toBeNull();
    expect(slugOfPath(null)).toBeNull();
  });
});
