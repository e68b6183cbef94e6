import { expect } from 'vitest';
import { grantSuperAdmin } from '@/features/admin/server';
import { signIn, verifyTwoFactorCode } from '@/features/auth/server';
import { nextTotpCode } from './totp';
import { createVerifiedUser, enableAuthenticator, type TestUser } from './users';
import { Visitor } from './visitor';

/** A super admin with two-factor on, signed in just now with password and code (as /admin requires). */
export async function makeAdmin(): Promise<TestUser> {
  const admin = await createVerifiedUser({ name: 'Operator' });
  await grantSuperAdmin(admin.email);
  const { secret } = await enableAuthenticator(admin);
  const visitor = new Visitor();
  expect(await visitor.run(signIn, { email: admin.email, password: admin.password })).toHaveProperty('redirect');
  expect(await visitor.run(verifyTwoFactorCode, { code: await nextTotpCode(secret) })).toHaveProperty('redirect');
  return { ...admin, visitor };
}
