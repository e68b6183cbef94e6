import { describe, expect, it } from 'vitest';
import { clientIp } from './request-context';

const headers = (forwarded: string) => new Headers({ 'x-forwarded-for': forwarded });

describe('clientIp', () => {
  it('takes the address the trusted proxies saw, ignoring what the client wrote before it', () => {
    // The client sent "1.1.1.1" itself; our one proxy appended the real address.
    expect(clientIp(headers('1.1.1.1, 203.0.113.9'), 1)).toBe('203.0.113.9');
    // A CDN in front of a load balancer: two proxies.
    expect(clientIp(headers('1.1.1.1, 203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9');
    // A platform that overwrites the header (one entry).
    expect(clientIp(headers('203.0.113.9'), 1)).toBe('203.0.113.9');
  });

  it('without a trusted proxy, uses the entry our server writes from the socket', () => {
    expect(clientIp(headers('198.51.100.4'), 0)).toBe('198.51.100.4');
    expect(clientIp(new Headers(), 0)).toBeNull();
  });

  it('never indexes past the start of a short header', () => {
    expect(clientIp(headers('203.0.113.9'), 3)).toBe('203.0.113.9');
  });
});
