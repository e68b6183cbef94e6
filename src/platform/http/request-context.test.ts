import { describe, expect, it } from 'vitest';
import { clientIp, rateLimitAddress } from './request-context';

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

describe('rateLimitAddress', () => {
  it('keeps IPv4 addresses whole, also IPv4-mapped ones', () => {
    expect(rateLimitAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitAddress('::FFFF:cb00:7107')).toBe('203.0.113.7');
  });

  it('counts IPv6 addresses by their /64, however they are written', () => {
    expect(rateLimitAddress('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitAddress('2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(rateLimitAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(rateLimitAddress('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitAddress('2001:db8:1:2:3:4:1.2.3.4')).toBe('2001:db8:1:2::/64');
  });

  it('leaves what it cannot parse as written', () => {
    expect(rateLimitAddress('not-an-ip')).toBe('not-an-ip');
    expect(rateLimitAddress('1::2::3')).toBe('1::2::3');
    expect(rateLimitAddress('1:2:3')).toBe('1:2:3');
  });
});
