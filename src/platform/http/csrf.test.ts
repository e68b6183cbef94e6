import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from './csrf';
import { createCsrfToken, newCsrfSessionId, verifyCsrfToken } from './csrf-signing';

const secret = 'a-test-secret-of-at-least-32-characters!';

describe('CSRF tokens', () => {
  const session = newCsrfSessionId();

  it('accepts a token minted for the same visitor', () => {
    expect(verifyCsrfToken(secret, session, createCsrfToken(secret, session))).toBe('valid');
  });

  it("refuses another visitor's token, a token signed with another secret, and a tampered one", () => {
    const token = createCsrfToken(secret, session);
    expect(verifyCsrfToken(secret, newCsrfSessionId(), token)).toBe('bad-signature');
    expect(verifyCsrfToken(secret, session, createCsrfToken('another-secret-of-at-least-32-chars!!', session))).toBe(
      'bad-signature',
    );
    const [version, issuedAt, nonce, signature] = token.split('.');
    expect(verifyCsrfToken(secret, session, [version, Number(issuedAt) + 60, nonce, signature].join('.'))).toBe(
      'bad-signature',
    );
    expect(verifyCsrfToken(secret, session, [version, issuedAt, `${nonce}x`, signature].join('.'))).toBe(
      'bad-signature',
    );
  });

  it('refuses missing, malformed and expired tokens, and visitors without the cookie', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(verifyCsrfToken(secret, session, undefined)).toBe('missing');
    expect(verifyCsrfToken(secret, session, '')).toBe('missing');
    expect(verifyCsrfToken(secret, session, 'not-a-token')).toBe('malformed');
    expect(verifyCsrfToken(secret, session, 'v2.1.a.b')).toBe('malformed');
    expect(verifyCsrfToken(secret, undefined, createCsrfToken(secret, session))).toBe('no-session');
    const old = createCsrfToken(secret, session, now);
    expect(verifyCsrfToken(secret, session, old, now + 23 * 3600 * 1000)).toBe('valid');
    expect(verifyCsrfToken(secret, session, old, now + 25 * 3600 * 1000)).toBe('expired');
    expect(verifyCsrfToken(secret, session, createCsrfToken(secret, session, now + 3600 * 1000), now)).toBe('expired');
  });
});

describe('same-origin check', () => {
  const ours = ['https://app.example.com'];
  const check = (headers: Record<string, string>) => isSameOriginRequest(new Headers(headers), ours);

  it('accepts requests from our origin and requests without browser provenance headers', () => {
    expect(check({ origin: 'https://app.example.com', 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(check({})).toBe(true);
    expect(check({ 'sec-fetch-site': 'none' })).toBe(true);
  });

  it('refuses cross-site, same-site (sibling subdomain) and opaque origins', () => {
    expect(check({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(check({ origin: 'https://evil.example' })).toBe(false);
    expect(check({ 'sec-fetch-site': 'same-site', origin: 'https://blog.example.com' })).toBe(false);
    expect(check({ origin: 'null' })).toBe(false);
  });
});
