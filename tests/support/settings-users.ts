import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { signIn, verifyMagicLink, requestMagicLink, getAuth } from '@/features/auth/server';
import { users } from '@/features/auth/server/schema';
import { db } from '@/platform/db/client';
import { Visitor, lastEmailTo, uniqueEmail } from './visitor';

/**
 * Users for the settings tests: created through better-auth (so passwords
 * are hashed the real way), then marked verified and onboarded, as after the
 * sign-up flow that tests/integration/auth/sign-up.test.ts covers.
 */
const PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  password: string | null;
}

export async function createPasswordUser(options: { name?: string; password?: string } = {}): Promise<TestUser> {
  const email = uniqueEmail('settings');
  const password = options.password ?? PASSWORD;
  const { user } = await getAuth().api.signUpEmail({ body: { email, password, name: options.name ?? 'Ada Lovelace' } });
  await db.update(users).set({ emailVerified: true, onboardedAt: new Date() }).where(eq(users.id, user.id));
  return { id: user.id, email, password };
}

/** A user who signs in by magic link only (no password, no OAuth account). */
export async function createPasswordlessUser(options: { name?: string } = {}): Promise<TestUser> {
  const email = uniqueEmail('linkonly');
  const [row] = await db
    .insert(users)
    .values({ id: crypto.randomUUID(), email, name: options.name ?? 'Grace Hopper', emailVerified: true, onboardedAt: new Date() })
    .returning({ id: users.id });
  return { id: row!.id, email, password: null };
}

/** Signs in with email and password through the real action; returns the visitor holding the session. */
export async function signInWithPassword(user: { email: string; password: string | null }, visitor = new Visitor()) {
  const outcome = await visitor.run(signIn, { email: user.email, password: user.password! });
  expect(outcome).toEqual({ redirect: '/dashboard' });
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
