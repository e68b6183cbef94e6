import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { expect } from 'vitest';
import { requestMagicLink, confirmEmail, signIn, verifyMagicLink, getAuth } from '@/features/auth/server';
import { accounts, users } from '@/features/auth/server/schema';
import { db } from '@/platform/db/client';
import { nextTotpCode, secretOfUri } from './totp';
import { Visitor, lastEmailTo, uniqueEmail } from './visitor';

/** A password that passes every rule (length, common-password list). */
export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * better-auth's scrypt hash of TEST_PASSWORD, made once with its hashPassword: scrypt takes
 * hundreds of milliseconds a call on a busy machine, and most tests need a user, not a hashing.
 * Signing in still verifies it the real way (a wrong hash fails every fixture loudly).
 */
const TEST_PASSWORD_HASH =
  '0f925a89a1e018b18a932fe55f94bca1:48268e0dbc8750a65f377fae3f529f101c9cfdfe129dd9838dcab675122dbdac582e5c4ed70c804aa0e16b937670963721863d894e979b8bd32b6604cdc92384';

/** An account as the database holds it; `password` is null for one without a password (magic link only). */
export interface TestAccount {
  id: string;
  email: string;
  password: string | null;
}

export interface TestUser extends TestAccount {
  password: string;
  /** A visitor signed in as this user (through the sign-in form's action). */
  visitor: Visitor;
}

export interface TestUserOptions {
  email?: string;
  password?: string;
  /** The language of the visitor who signs in (the cookie a browser would have). */
  locale?: 'en' | 'es';
  /** The name given at onboarding; `null` leaves the user before onboarding. Default: "Ada Lovelace". */
  name?: string | null;
}

/**
 * A confirmed user with a password, written as the sign-up flow leaves one
 * (confirmed, onboarded unless `name` is null, a credential account): the
 * flow itself is tested in tests/integration/auth/sign-up.test.ts, and going
 * through it for every fixture cost three scrypt runs and a 600 ms floor.
 */
export async function createPasswordUser(options: TestUserOptions = {}): Promise<TestAccount & { password: string }> {
  const id = randomUUID();
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? TEST_PASSWORD;
  const name = options.name === undefined ? 'Ada Lovelace' : options.name;
  await db.transaction(async (tx) => {
    await tx
      .insert(users)
      .values({ id, email, name: name ?? '', emailVerified: true, onboardedAt: name === null ? null : new Date() });
    await tx.insert(accounts).values({
      id: randomUUID(),
      userId: id,
      accountId: id,
      providerId: 'credential',
      password: password === TEST_PASSWORD ? TEST_PASSWORD_HASH : await hashPassword(password),
    });
  });
  return { id, email, password };
}

/** A user who signs in by magic link only (no password, no OAuth account). */
export async function createPasswordlessUser(options: { name?: string } = {}): Promise<TestAccount> {
  const id = randomUUID();
  const email = uniqueEmail('linkonly');
  await db
    .insert(users)
    .values({ id, email, name: options.name ?? 'Grace Hopper', emailVerified: true, onboardedAt: new Date() });
  return { id, email, password: null };
}

/** A user with a password (createPasswordUser), signed in by a visitor through the real sign-in action. */
export async function createVerifiedUser(options: TestUserOptions = {}): Promise<TestUser> {
  const account = await createPasswordUser(options);
  const visitor = await signInAs(account, { locale: options.locale });
  return { ...account, visitor };
}

/**
 * Signs in with email and password through the real action, as `visitor` (by default a new
 * browser, in `locale`, from `ip`); fails unless sign-in lands on a page.
 */
export async function signInAs(
  user: { email: string; password: string | null },
  options: { locale?: 'en' | 'es'; ip?: string; visitor?: Visitor } = {},
) {
  const visitor = options.visitor ?? new Visitor(options);
  const outcome = await visitor.run(signIn, { email: user.email, password: user.password! });
  if (!('redirect' in outcome)) throw new Error(`sign-in of ${user.email} refused: ${JSON.stringify(outcome)}`);
  return visitor;
}

/** Signs in through an emailed link (request → email → the button on the link's page). */
export async function signInWithMagicLink(user: { email: string }, visitor = new Visitor()) {
  await visitor.run(requestMagicLink, { email: user.email });
  const link = (await lastEmailTo(user.email))?.link;
  const token = new URL(link!).searchParams.get('token')!;
  const outcome = await visitor.run(verifyMagicLink, { token });
  expect(outcome).toHaveProperty('redirect');
  return visitor;
}

/**
 * Turns on an authenticator app for a signed-in user, as the settings page
 * does: enable with the password, then confirm with a first code. Returns the
 * app's secret (to compute codes) and the ten recovery codes.
 */
export async function enableAuthenticator(user: TestUser) {
  const enabled = await getAuth().api.enableTwoFactor({
    body: { password: user.password },
    headers: user.visitor.headers(),
  });
  if (enabled.method !== 'totp') throw new Error(`expected an authenticator app setup, got ${enabled.method}`);
  const secret = secretOfUri(enabled.totpURI);
  await getAuth().api.verifyTOTP({ body: { code: await nextTotpCode(secret) }, headers: user.visitor.headers() });
  return { secret, recoveryCodes: enabled.backupCodes };
}

/** The link of the latest sign-up confirmation email to `email` (it opens /auth/confirm-email?token=…&next=…). */
export async function confirmationLink(email: string) {
  const link = (await lastEmailTo(email))?.link;
  if (!link || !link.includes('/auth/confirm-email?')) throw new Error(`no confirmation email reached ${email}`);
  return new URL(link);
}

/** The token of the latest sign-up confirmation email to `email`. */
export async function confirmationToken(email: string) {
  return (await confirmationLink(email)).searchParams.get('token')!;
}

/**
 * Does what the confirmation page does: posts the emailed token with the
 * password (confirmEmail), and the link's `next` unless another is given.
 */
export async function confirmFromEmail(visitor: Visitor, email: string, password: string, next?: string) {
  const link = await confirmationLink(email);
  return visitor.run(confirmEmail, {
    token: link.searchParams.get('token')!,
    password,
    next: next ?? link.searchParams.get('next') ?? '',
  });
}
