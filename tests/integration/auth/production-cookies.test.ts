import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE, TWO_FACTOR_COOKIE, cookieName } from '@/features/auth/constants';
import { signIn } from '@/features/auth/server/sign-in-actions';
import { getAuth } from '@/features/auth/server/auth';
import { getSessionFromHeaders } from '@/features/auth/server/session';
import { getServerConfig } from '@/platform/config/server-config';
import { createVerifiedUser, enableAuthenticator } from '../../support/users';
import { Visitor } from '../../support/visitor';

/**
 * Cookies as production sets them. NODE_ENV=production cannot be used under
 * Vitest (its JSX transform is the development one, which React's production
 * build lacks), so this file's configuration says "production" before
 * better-auth is first created. Each test file is its own process.
 */
getServerConfig().isProduction = true;

describe('cookies in production', () => {
  it('the session cookie is __Secure-, Secure, HttpOnly, SameSite=Lax, for the whole site', async () => {
    expect(getServerConfig().isProduction).toBe(true);
    expect(getAuth().options.advanced.useSecureCookies).toBe(true);

    const user = await createVerifiedUser();
    const name = cookieName(SESSION_COOKIE, true);
    expect(name).toBe('__Secure-keel.session_token');
    // Set by the confirmation link (a route handler) …
    expect(user.visitor.received.get(name)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'lax', path: '/' });

    // … and by the sign-in action.
    const visitor = new Visitor();
    expect(await visitor.run(signIn, { email: user.email, password: user.password })).toEqual({
      redirect: '/dashboard',
    });
    expect(visitor.received.get(name)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'lax', path: '/' });
    expect(visitor.received.has(SESSION_COOKIE)).toBe(false);
    expect((await getSessionFromHeaders(visitor.headers()))?.user.id).toBe(user.id);
  });

  it('the pending two-factor cookie has the name the challenge limit reads', async () => {
    const user = await createVerifiedUser();
    await enableAuthenticator(user);

    const visitor = new Visitor();
    await visitor.run(signIn, { email: user.email, password: user.password });
    const name = cookieName(TWO_FACTOR_COOKIE, true);
    expect(visitor.received.get(name)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'lax' });
  });
});
