import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, signOut } from '@/features/auth/server/sign-in-actions';
import { completeOnboarding, signUp } from '@/features/auth/server/sign-up-actions';
import { SESSION_LIFETIME_SECONDS } from '@/features/auth/server/auth';
import { sessions, users } from '@/features/auth/server/schema';
import { getSessionFromHeaders } from '@/features/auth/server/session';
import { db } from '@/platform/db/client';
import { errorText } from '../../support/messages';
import { TEST_PASSWORD, confirmFromEmail, createVerifiedUser, signInAs, type TestUser } from '../../support/users';
import { Visitor, uniqueEmail, type Outcome } from '../../support/visitor';

const SESSION_COOKIE = 'keel.session_token';

/** The session token a cookie carries (better-auth signs it: "<token>.<signature>"). */
function tokenOf(visitor: Visitor) {
  return visitor.cookies.get(SESSION_COOKIE)?.split('.')[0];
}

function refusal<R>(outcome: Outcome<R>) {
  if ('redirect' in outcome || outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome)}`);
  const { requestId: _requestId, ...rest } = outcome.error;
  return rest;
}

// Sign-in is limited to 10 attempts per address in 15 minutes: each group of tests has its own user.
describe('refused sign-ins', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createVerifiedUser();
  });

  it('answers a wrong password with 401 and a translated message, and sets no session cookie', async () => {
    const visitor = new Visitor();
    const outcome = await visitor.run(signIn, { email: user.email, password: 'not my passphrase' });
    expect(refusal(outcome)).toEqual({
      code: 'UNAUTHENTICATED',
      status: 401,
      message: errorText('en', 'auth.invalidCredentials'),
    });
    expect(visitor.received.has(SESSION_COOKIE)).toBe(false);

    const spanish = await new Visitor({ locale: 'es' }).run(signIn, {
      email: user.email,
      password: 'not my passphrase',
    });
    expect(refusal(spanish).message).toBe('El correo o la contraseña no son correctos.');
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const wrongPassword = refusal(
      await new Visitor().run(signIn, { email: user.email, password: 'not my passphrase' }),
    );
    const unknownEmail = refusal(
      await new Visitor().run(signIn, { email: uniqueEmail(), password: 'not my passphrase' }),
    );
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it('asks for the fields it needs, in the visitor’s language', async () => {
    const outcome = await new Visitor({ locale: 'es' }).run(signIn, { email: 'nobody', password: '' });
    expect(refusal(outcome)).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: {
        email: ['Introduce un correo electrónico válido.'],
        password: [errorText('es', 'validation.required')],
      },
    });
  });
});

describe('a successful sign-in', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createVerifiedUser();
  });

  it('sets an HttpOnly, SameSite=Lax session cookie for the whole site, and goes to the dashboard', async () => {
    const visitor = new Visitor();
    expect(await visitor.run(signIn, { email: user.email, password: user.password })).toEqual({
      redirect: '/dashboard',
    });
    const cookie = visitor.received.get(SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', maxAge: SESSION_LIFETIME_SECONDS });
    // Plain http outside production (tests/integration/auth/production-cookies.test.ts covers Secure).
    expect(cookie?.secure).toBeFalsy();

    const session = await getSessionFromHeaders(visitor.headers());
    expect(session?.user.email).toBe(user.email);
    // The session records the address Keel computed for the client, and its browser.
    expect(session?.session.ipAddress).toBe(visitor.ip);
    expect(session?.session.userAgent).toContain('Keel-Test');
  });

  it('sets the same cookie when the confirmation page signs a new account in', async () => {
    const visitor = new Visitor();
    const email = uniqueEmail();
    await visitor.run(signUp, { email, password: TEST_PASSWORD });
    expect(visitor.received.has(SESSION_COOKIE)).toBe(false);

    expect(await confirmFromEmail(visitor, email, TEST_PASSWORD)).toEqual({ redirect: '/onboarding' });
    const cookie = visitor.received.get(SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', maxAge: SESSION_LIFETIME_SECONDS });
    expect(cookie?.secure).toBeFalsy();
    const session = await getSessionFromHeaders(visitor.headers());
    expect(session?.user).toMatchObject({ email, emailVerified: true });
    expect(session?.session.ipAddress).toBe(visitor.ip);
    expect(session?.session.userAgent).toContain('Keel-Test');
  });

  it('goes to `next` when it is a path of this site, and to the dashboard otherwise', async () => {
    expect(
      await new Visitor().run(signIn, { email: user.email, password: user.password, next: '/settings?tab=security' }),
    ).toEqual({
      redirect: '/settings?tab=security',
    });
    for (const next of ['//evil.com', 'https://evil.com/x', '/\\evil.com', '/..//evil.com']) {
      expect(await new Visitor().run(signIn, { email: user.email, password: user.password, next })).toEqual({
        redirect: '/dashboard',
      });
    }
  });

  it('issues a new session each time; better-auth keeps the earlier ones valid until signed out', async () => {
    const visitor = new Visitor();
    // A token planted before sign-in (session fixation) is replaced, not adopted.
    visitor.cookies.set(SESSION_COOKIE, 'planted-by-someone-else');
    expect(await visitor.run(signIn, { email: user.email, password: user.password })).toEqual({
      redirect: '/dashboard',
    });
    const first = tokenOf(visitor);
    expect(first).toBeTruthy();
    expect(first).not.toBe('planted-by-someone-else');
    const firstHeaders = visitor.headers();

    expect(await visitor.run(signIn, { email: user.email, password: user.password })).toEqual({
      redirect: '/dashboard',
    });
    const second = tokenOf(visitor);
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    expect((await getSessionFromHeaders(firstHeaders))?.user.id).toBe(user.id);
    expect((await getSessionFromHeaders(visitor.headers()))?.user.id).toBe(user.id);
  });

  it('makes the language follow the user’s saved preference', async () => {
    const spanish = await createVerifiedUser();
    await db.update(users).set({ locale: 'es' }).where(eq(users.id, spanish.id));
    const visitor = await signInAs(spanish, { locale: 'en' });
    expect(visitor.cookies.get('NEXT_LOCALE')).toBe('es');
  });
});

describe('the end of a session', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createVerifiedUser();
  });

  it('signing out deletes the session and clears the cookie', async () => {
    const visitor = await signInAs(user);
    const token = tokenOf(visitor)!;
    const signedInHeaders = visitor.headers();

    expect(await visitor.run(signOut, {})).toEqual({ redirect: '/' });
    expect(visitor.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await db.select().from(sessions).where(eq(sessions.token, token))).toHaveLength(0);
    // Even a copy of the old cookie no longer works.
    expect(await getSessionFromHeaders(signedInHeaders)).toBeNull();
    // Signing out again, already signed out, is not an error.
    expect(await visitor.run(signOut, {})).toEqual({ redirect: '/' });
  });

  it('signing out may come back to a page of this site (the invitation page), never to another site', async () => {
    const visitor = await signInAs(user);
    expect(await visitor.run(signOut, { next: '/join?token=abc' })).toEqual({ redirect: '/join?token=abc' });
    expect(visitor.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await (await signInAs(user)).run(signOut, { next: '//evil.com' })).toEqual({ redirect: '/' });
  });

  it('a session revoked elsewhere stops working on the next request', async () => {
    const owner = await createVerifiedUser({ name: null });
    const visitor = await signInAs(owner);
    expect(await getSessionFromHeaders(visitor.headers())).not.toBeNull();

    await db.delete(sessions).where(eq(sessions.token, tokenOf(visitor)!));
    expect(await getSessionFromHeaders(visitor.headers())).toBeNull();
    const outcome = await visitor.run(completeOnboarding, { name: 'Mallory' });
    expect(refusal(outcome)).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect((await db.select().from(users).where(eq(users.id, owner.id)))[0]?.onboardedAt).toBeNull();
  });
});
