import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '@/platform/http/security-headers';
import { oauthAuthorizationOrigins } from './constants';

describe('OAuth forms and the CSP', () => {
  it('lets forms lead only to the authorization pages of the providers that are on', () => {
    expect(oauthAuthorizationOrigins([], undefined)).toEqual([]);
    expect(oauthAuthorizationOrigins(['github', 'oidc'], 'https://id.example.com/realms/acme')).toEqual([
      'https://github.com',
      'https://id.example.com',
    ]);
    expect(oauthAuthorizationOrigins(['google', 'oidc'], 'not a url')).toEqual(['https://accounts.google.com']);
  });

  it('adds them to form-action and nothing else', () => {
    const csp = contentSecurityPolicy(
      { nonce: 'n0nce' },
      {
        development: false,
        httpsOnly: true,
        formActionOrigins: ['https://github.com'],
      },
    );
    expect(csp).toContain("form-action 'self' https://github.com;");
    expect(contentSecurityPolicy({ nonce: 'n0nce' }, { development: false, httpsOnly: true })).toContain(
      "form-action 'self';",
    );
  });
});
