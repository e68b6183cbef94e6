import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { completeOnboarding } from '@/features/auth/server/sign-up-actions';
import { users } from '@/features/auth/server/schema';
import { db } from '@/platform/db/client';
import { createVerifiedUser } from '../../support/users';
import { Visitor, uniqueEmail } from '../../support/visitor';

/** A visitor who signed up, confirmed their email and signed in with the password (not onboarded yet). */
async function newUser() {
  const { visitor, email } = await createVerifiedUser({ email: uniqueEmail('onboarding'), name: null });
  return { visitor, email };
}

describe('completeOnboarding', () => {
  it('saves the name, marks onboarding done and continues to `next`', async () => {
    const { visitor, email } = await newUser();
    expect(await visitor.run(completeOnboarding, { name: '  Ada Lovelace ', next: '/dashboard?x=1' })).toEqual({
      redirect: '/dashboard?x=1',
    });
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user?.name).toBe('Ada Lovelace');
    expect(user?.onboardedAt).toBeInstanceOf(Date);
  });

  it('goes to the dashboard when `next` is missing, unsafe, or onboarding itself', async () => {
    for (const next of [undefined, '//evil.com', '/onboarding']) {
      const { visitor } = await newUser();
      expect(await visitor.run(completeOnboarding, { name: 'Grace', next })).toEqual({ redirect: '/dashboard' });
    }
  });

  it('needs a name, and a signed-in user', async () => {
    const { visitor } = await newUser();
    expect(await visitor.run(completeOnboarding, { name: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { name: [expect.any(String)] } },
    });
    expect(await new Visitor().run(completeOnboarding, { name: 'Mallory' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});
