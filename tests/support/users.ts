import { eq } from 'drizzle-orm';
import { completeOnboarding, confirmEmail, signIn, signUp, getAuth } from '@/features/auth/server';
import { users } from '@/features/auth/server/schema';
import { db } from '@/platform/db/client';
import { nextTotpCode, secretOfUri } from './totp';
import { Visitor, lastEmailTo, uniqueEmail } from './visitor';

/** A password that passes every rule (length, common-password list). */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  /** The visitor who signed up; signed in (by the confirmation page, with the password). */
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
 * the confirmation email's page with the password (which signs in), then onboarding.
 * Each step is checked, so a broken step fails loudly here rather than as a
 * puzzling failure later in the test.
 */
export async function createVerifiedUser(options: TestUserOptions = {}): Promise<TestUser> {
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? TEST_PASSWORD;
  const visitor = new Visitor({ locale: options.locale });

  const signedUp = await visitor.run(signUp, { email, password });
  if (!('redirect' in signedUp)) throw new Error(`sign-up of ${email} refused: ${JSON.stringify(signedUp)}`);

  // The link leads to /auth/confirm-email, where the password confirms the address and signs in.
  const confirmed = await confirmFromEmail(visitor, email, password);
  if (!('redirect' in confirmed)) throw new Error(`confirmation of ${email} refused: ${JSON.stringify(confirmed)}`);

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
  return visitor.run(confirmEmail, { token: link.searchParams.get('token')!, password, next: next ?? link.searchParams.get('next') ?? '' });
}
