import { createHash } from 'node:crypto';
import { eq, like, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getAuth } from '@/features/auth/server/auth';
import { AUTH_REFUSALS, authErrorCode } from '@/features/auth/server/auth-call';
import { USER_BANNED } from '@/features/auth/server/bans';
import { verifications } from '@/features/auth/server/schema';
import { CODE_ALREADY_USED } from '@/features/auth/server/single-use-codes';
import { db } from '@/platform/db/client';
import { nextTotpCode, totpCode, wrongCode } from '../../support/totp';
import { createVerifiedUser, enableAuthenticator, type TestUser } from '../../support/users';
import { Visitor, lastEmailTo } from '../../support/visitor';

/**
 * Where Keel leans on better-auth's internals rather than its documented API,
 * these tests pin what our code relies on. An upgrade that changes one fails
 * here, by name, with the file of ours to revisit — not as a puzzling failure
 * of a behaviour test elsewhere. The upgrade checklist is
 * docs/operations/upgrading-dependencies.md.
 */

const REVISIT = {
  authCall: 'src/features/auth/server/auth-call.ts',
  gate: 'src/features/auth/server/second-factor-gate.ts',
  linkTokens: 'src/features/auth/server/link-tokens.ts',
  singleUse: 'src/features/auth/server/single-use-codes.ts',
};

/** Runs a better-auth server call, returning its error (and failing if it succeeded). */
async function refusalOf(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('expected better-auth to refuse the call');
}

/**
 * What better-auth 1.7.25 means by each code auth-call.ts maps (its own message
 * for the code). A changed message is a prompt to check the mapping still fits;
 * a new mapping in auth-call.ts needs its line here.
 */
const MEANINGS: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'Invalid email or password',
  EMAIL_NOT_VERIFIED: 'Email not verified',
  USER_NOT_FOUND: 'User not found',
  EMAIL_ALREADY_VERIFIED: 'Email is already verified',
  INVALID_PASSWORD: 'Invalid password',
  CREDENTIAL_ACCOUNT_NOT_FOUND: 'Credential account not found',
  INVALID_TOKEN: 'Invalid token',
  TOKEN_EXPIRED: 'Token expired',
  INVALID_CODE: 'Invalid code',
  INVALID_BACKUP_CODE: 'Invalid backup code',
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: 'Too many attempts. Please request a new code.',
  ACCOUNT_TEMPORARILY_LOCKED:
    'Too many failed verification attempts. Your account is temporarily locked. Please try again later.',
  INVALID_TWO_FACTOR_COOKIE: 'Invalid two factor cookie',
  TWO_FACTOR_NOT_ENABLED: "Two factor isn't enabled",
  SESSION_NOT_FRESH: 'Session is not fresh',
  SESSION_EXPIRED: 'Session expired. Re-authenticate to perform this action.',
  USER_ALREADY_HAS_PASSWORD: 'User already has a password. Provide that to delete the account.',
  USER_ALREADY_EXISTS: 'User already exists.',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'User already exists. Use another email.',
  EMAIL_CAN_NOT_BE_UPDATED: 'Email can not be updated',
  FAILED_TO_UNLINK_LAST_ACCOUNT: "You can't unlink your last account",
  EMAIL_MISMATCH: 'Email mismatch',
  TOTP_NOT_ENABLED: 'TOTP not enabled',
  TOTP_ALREADY_ENABLED: 'TOTP is already enabled',
};
/** Codes auth-call.ts maps that are not in better-auth's table: ours, and a bare HTTP status. */
const NOT_BETTER_AUTH_CODES = [CODE_ALREADY_USED, USER_BANNED, 'UNAUTHORIZED'];

describe(`better-auth's error codes (${REVISIT.authCall} maps them)`, () => {
  it('every code we map is one better-auth still defines, with the meaning we mapped it for', () => {
    const defined = getAuth().$ERROR_CODES as Record<string, { message: string } | undefined>;
    const mapped = Object.keys(AUTH_REFUSALS).filter((code) => !NOT_BETTER_AUTH_CODES.includes(code));
    expect(mapped.sort(), `a code mapped in ${REVISIT.authCall} has no expected meaning in this test`).toEqual(
      Object.keys(MEANINGS).sort(),
    );
    for (const code of mapped) {
      expect(defined[code], `better-auth no longer defines ${code}: revisit ${REVISIT.authCall}`).toBeDefined();
      expect(defined[code]!.message, `better-auth's ${code} changed meaning: revisit ${REVISIT.authCall}`).toBe(
        MEANINGS[code],
      );
    }
  });

  it('a call without a session is refused as UNAUTHORIZED (the bare status auth-call.ts maps)', async () => {
    const error = await refusalOf(
      getAuth().api.listSessions({ headers: new Headers({ origin: 'http://localhost:3000' }) }),
    );
    expect(authErrorCode(error), `revisit UNAUTHORIZED in ${REVISIT.authCall}`).toBe('UNAUTHORIZED');
  });

  it('a link endpoint refuses with a redirect carrying ?error=CODE (authErrorCode reads it there)', async () => {
    const error = await refusalOf(
      getAuth().api.magicLinkVerify({
        query: { token: 'made-up-token', callbackURL: '/dashboard' },
        headers: new Headers(),
      }),
    );
    expect(authErrorCode(error), `revisit authErrorCode in ${REVISIT.authCall}`).toBe('INVALID_TOKEN');
  });
});

/** A user with an authenticator app turned on, and the secret to compute its codes. */
async function twoFactorUser() {
  const user = await createVerifiedUser();
  return { ...user, ...(await enableAuthenticator(user)) };
}

const TWO_FACTOR_COOKIE = 'keel.two_factor';
// Password hashes and authenticator set-ups can pass the default 20 s on a busy runner (not a speed check).
const ROOMY = { timeout: 60_000 };

/**
 * The pending sign-in set up for `user`: its verification rows (identifiers
 * and values with the random challenge id and the user id replaced, lifetimes
 * in minutes) and the attributes of the cookie that names it.
 */
async function pendingChallenge(user: TestUser, visitor: Visitor) {
  const [challenge] = await db
    .select()
    .from(verifications)
    .where(eq(verifications.value, user.id))
    .then((rows) => rows.filter((row) => /^2fa-(?!attempts-)/.test(row.identifier)));
  expect(challenge, `no pending two-factor challenge for the user: revisit ${REVISIT.gate}`).toBeDefined();
  const id = challenge!.identifier;
  const rows = await db
    .select()
    .from(verifications)
    .where(or(like(verifications.identifier, `%${id}%`), eq(verifications.value, user.id)));
  const { value: _value, expires: _expires, ...cookie } = visitor.received.get(TWO_FACTOR_COOKIE) ?? {};
  return {
    id,
    rows: rows
      .map((row) => ({
        identifier: row.identifier.replace(id, '<challenge>'),
        value: row.value.replace(user.id, '<user>'),
        minutes: Math.round((row.expiresAt.getTime() - row.createdAt.getTime()) / 60_000),
      }))
      .sort((a, b) => a.identifier.localeCompare(b.identifier)),
    idLength: id.length,
    cookie,
  };
}

/** Signs `user` in with a magic link, through better-auth's own endpoints (the gate is a hook on them). */
async function magicLinkSignIn(user: TestUser, visitor: Visitor) {
  await getAuth().api.signInMagicLink({ body: { email: user.email }, headers: visitor.headers() });
  const token = new URL((await lastEmailTo(user.email))!.link!).searchParams.get('token')!;
  const { headers, response } = await getAuth().api.magicLinkVerify({
    query: { token },
    headers: visitor.headers(),
    returnHeaders: true,
  });
  visitor.keepCookies(headers);
  return response;
}

describe(`the pending sign-in ${REVISIT.gate} sets up after a magic link`, ROOMY, () => {
  it('is exactly what the two-factor plugin sets up after a password', async () => {
    const byPassword = await twoFactorUser();
    const passwordVisitor = new Visitor();
    const { headers } = await getAuth().api.signInEmail({
      body: { email: byPassword.email, password: byPassword.password },
      headers: passwordVisitor.headers(),
      returnHeaders: true,
    });
    passwordVisitor.keepCookies(headers);
    const plugin = await pendingChallenge(byPassword, passwordVisitor);

    const byLink = await twoFactorUser();
    const linkVisitor = new Visitor();
    expect(await magicLinkSignIn(byLink, linkVisitor)).toEqual({ twoFactorRedirect: true });
    const gate = await pendingChallenge(byLink, linkVisitor);

    const message = `the two-factor plugin's pending sign-in changed: make ${REVISIT.gate} write what it writes`;
    expect(plugin.rows, message).toEqual([
      { identifier: '<challenge>', value: '<user>', minutes: 10 },
      { identifier: '2fa-attempts-<challenge>', value: '0', minutes: 10 },
    ]);
    expect(gate.rows, message).toEqual(plugin.rows);
    expect(gate.idLength, message).toBe(plugin.idLength);
    expect(gate.cookie, message).toEqual(plugin.cookie);
    expect(plugin.cookie, message).toMatchObject({ maxAge: 600, httpOnly: true });
  });

  it('is finished by the plugin’s own code check, which counts wrong codes on the rows the gate wrote', async () => {
    const user = await twoFactorUser();
    const visitor = new Visitor();
    await magicLinkSignIn(user, visitor);
    const { id } = await pendingChallenge(user, visitor);

    const wrong = await refusalOf(
      getAuth().api.verifyTOTP({ body: { code: wrongCode(user.secret) }, headers: visitor.headers() }),
    );
    expect(authErrorCode(wrong), `the plugin does not read the gate's challenge: revisit ${REVISIT.gate}`).toBe(
      'INVALID_CODE',
    );
    const [attempts] = await db
      .select()
      .from(verifications)
      .where(eq(verifications.identifier, `2fa-attempts-${id}`));
    expect(
      attempts?.value,
      `the plugin no longer counts attempts where the gate set them up: revisit ${REVISIT.gate}`,
    ).toBe('1');

    const { headers, response } = await getAuth().api.verifyTOTP({
      body: { code: await nextTotpCode(user.secret) },
      headers: visitor.headers(),
      returnHeaders: true,
    });
    expect(response.user.id, `revisit ${REVISIT.gate}`).toBe(user.id);
    visitor.keepCookies(headers);
    expect(visitor.cookies.has('keel.session_token'), `revisit ${REVISIT.gate}`).toBe(true);
    expect(
      await db
        .select()
        .from(verifications)
        .where(like(verifications.identifier, `%${id}%`)),
    ).toEqual([]);
  });

  it('hooks the endpoints it means: the magic link, OAuth callbacks and the code check', () => {
    const api = getAuth().api as unknown as Record<string, { path?: string }>;
    const paths = {
      magicLinkVerify: api.magicLinkVerify?.path,
      callbackOAuth: api.callbackOAuth?.path,
      verifyTOTP: api.verifyTOTP?.path,
    };
    expect(paths, `an endpoint moved: revisit the matchers of ${REVISIT.gate} and ${REVISIT.singleUse}`).toEqual({
      magicLinkVerify: '/magic-link/verify',
      callbackOAuth: '/callback/:id',
      verifyTOTP: '/two-factor/verify-totp',
    });
  });
});

describe(`authenticator codes (${REVISIT.singleUse} claims the ones better-auth accepts)`, ROOMY, () => {
  it('better-auth accepts no code further than one step from now, the window single-use codes claim in', async () => {
    const user = await twoFactorUser();
    const visitor = new Visitor();
    const { headers } = await getAuth().api.signInEmail({
      body: { email: user.email, password: user.password },
      headers: visitor.headers(),
      returnHeaders: true,
    });
    visitor.keepCookies(headers);
    for (const steps of [-2, 2]) {
      const code = totpCode(user.secret, Date.now() + steps * 30_000);
      const error = await refusalOf(getAuth().api.verifyTOTP({ body: { code }, headers: visitor.headers() }));
      expect(
        authErrorCode(error),
        `better-auth's clock-drift window grew: revisit DRIFT_STEPS in ${REVISIT.singleUse}`,
      ).toBe('INVALID_CODE');
    }
  });
});

describe(`better-auth's verification records (${REVISIT.linkTokens} peeks at them)`, () => {
  it('its adapter still offers the calls our plugins and link-tokens make', async () => {
    const adapter = (await getAuth().$context).internalAdapter as unknown as Record<string, unknown>;
    for (const method of ['findVerificationValue', 'createVerificationValue', 'deleteSession']) {
      expect(
        typeof adapter[method],
        `internalAdapter.${method} is gone: revisit ${REVISIT.linkTokens}, ${REVISIT.gate}`,
      ).toBe('function');
    }
  });

  it('a password reset is stored as reset-password:<token>, found with its expiry', async () => {
    const user = await createVerifiedUser();
    await getAuth().api.requestPasswordReset({
      body: { email: user.email, redirectTo: '/auth/reset-password' },
      headers: new Headers(),
    });
    const token = new URL((await lastEmailTo(user.email))!.link!).searchParams.get('token')!;
    const record = await (await getAuth().$context).internalAdapter.findVerificationValue(`reset-password:${token}`);
    expect(record, `password reset tokens are stored differently: revisit ${REVISIT.linkTokens}`).toMatchObject({
      value: user.id,
      expiresAt: expect.any(Date),
    });
    expect(record!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('a magic link is stored as magic-link:<SHA-256 of the token, base64url>, valued JSON with the email', async () => {
    const user = await createVerifiedUser();
    await getAuth().api.signInMagicLink({ body: { email: user.email }, headers: new Headers() });
    const token = new URL((await lastEmailTo(user.email))!.link!).searchParams.get('token')!;
    const hashed = createHash('sha256').update(token).digest('base64url');
    const record = await (await getAuth().$context).internalAdapter.findVerificationValue(`magic-link:${hashed}`);
    expect(record, `magic-link tokens are stored differently: revisit ${REVISIT.linkTokens}`).toMatchObject({
      expiresAt: expect.any(Date),
    });
    expect(
      JSON.parse(record!.value),
      `the magic-link record changed shape: revisit ${REVISIT.linkTokens}`,
    ).toMatchObject({
      email: user.email,
    });
  });
});
