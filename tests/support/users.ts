import { eq } from 'drizzle-orm';
import { GET as authLinks } from '@/app/api/auth/[...all]/route';
import { completeOnboarding, signIn, signUp } from '@/features/auth/server/actions';
import { getAuth } from '@/features/auth/server/auth';
import { users } from '@/features/auth/server/schema';
import { db } from '@/platform/db/client';
import { secretOfUri, totpCode } from './totp';
import { Visitor, lastEmailTo, uniqueEmail } from './visitor';

/** A password that passes every rule (length, common-password list). */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  /** The visitor who signed up; signed in (with the password, after following the confirmation link). */
  visitor: Visitor;
}

export interface TestUserOptions {
  email?: string;
  password?: string;
  /** The language of the visitor who signs up (the cookie a browser would have). */
  locale?: 'en' | 'es';
  /** Finish onboarding with this name; `null` leaves the user before onboarding. Default: "Ada Lovelace". */
  name?: string | null;
}

/**
 * A verified user, made the way a person makes one: the signUp action, then
 * the link of the confirmation email, sign-in with the password, then onboarding.
 * Each step is checked, so a broken step fails loudly here rather than as a
 * puzzling failure later in the test.
 */
export async function createVerifiedUser(options: TestUserOptions = {}): Promise<TestUser> {
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? TEST_PASSWORD;
  const visitor = new Visitor({ locale: options.locale });

  const signedUp = await visitor.run(signUp, { email, password });
  if (!('redirect' in signedUp)) throw new Error(`sign-up of ${email} refused: ${JSON.stringify(signedUp)}`);

  const link = (await lastEmailTo(email))?.link;
  if (!link) throw new Error(`no confirmation email reached ${email}`);
  const response = await visitor.follow(link, authLinks);
  if (response.status !== 302 || response.headers.get('location')?.includes('error=')) {
    throw new Error(`confirmation link of ${email} refused: ${response.status} ${response.headers.get('location')}`);
  }
  // The link confirms the address; signing in is still done with the password.
  const signedIn = await visitor.run(signIn, { email, password });
  if (!('redirect' in signedIn)) throw new Error(`sign-in of ${email} after confirmation refused: ${JSON.stringify(signedIn)}`);

  const name = options.name === undefined ? 'Ada Lovelace' : options.name;
  if (name !== null) {
    const onboarded = await visitor.run(completeOnboarding, { name });
    if (!('redirect' in onboarded)) throw new Error(`onboarding of ${email} refused: ${JSON.stringify(onboarded)}`);
  }

  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return { id: row!.id, email, password, visitor };
}

/** A new visitor (another browser) who signs in as `user`; fails unless sign-in lands on a page. */
export async function signInAs(user: Pick<TestUser, 'email' | 'password'>, options: { locale?: 'en' | 'es'; ip?: string } = {}) {
  const visitor = new Visitor(options);
  const outcome = await visitor.run(signIn, { email: user.email, password: user.password });
  if (!('redirect' in outcome)) throw new Error(`sign-in of ${user.email} refused: ${JSON.stringify(outcome)}`);
  return visitor;
}

/**
 * Turns on an authenticator app for a signed-in user, as the settings page
 * does: enable with the password, then confirm with a first code. Returns the
 * app's secret (to compute codes) and the ten recovery codes.
 */
export async function enableAuthenticator(user: TestUser) {
  const enabled = await getAuth().api.enableTwoFactor({ body: { password: user.password }, headers: user.visitor.headers() });
  if (enabled.method !== 'totp') throw new Error(`expected an authenticator app setup, got ${enabled.method}`);
  const secret = secretOfUri(enabled.totpURI);
  await getAuth().api.verifyTOTP({ body: { code: totpCode(secret) }, headers: user.visitor.headers() });
  return { secret, recoveryCodes: enabled.backupCodes };
}
