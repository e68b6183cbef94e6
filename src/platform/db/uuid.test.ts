import { describe, expect, it } from 'vitest';
import { isUuid } from './uuid';

describe('isUuid', () => {
  it('accepts the form PostgreSQL writes, in either case', () => {
    expect(isUuid('0f925a89-a1e0-48b1-8a93-2fe55f94bca1')).toBe(true);
    expect(isUuid('0F925A89-A1E0-48B1-8A93-2FE55F94BCA1')).toBe(true);
  });

  it('refuses anything else', () => {
    const id = '0f925a89-a1e0-48b1-8a93-2fe55f94bca1';
    for (const value of ['', 'acme', id.replaceAll('-', ''), id.slice(0, -1), ` ${id}`, `${id}\n`, `z${id.slice(1)}`]) {
      expect(isUuid(value), value).toBe(false);
    }
  });
});
