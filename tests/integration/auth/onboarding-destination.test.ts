import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as authLinks } from '@/app/api/auth/[...all]/route';
import { completeOnboarding, signUp } from '@/features/auth/server/actions';
import { users } from '@/features/auth/server/schema';
import { db } from '@/platform/db/client';
import { Visitor, lastEmailTo, uniqueEmail } from '../../support/visitor';

/** A visitor who signed up and confirmed their email (signed in, not onboarded yet). */
async function newUser() {
  const visitor = new Visitor();
  const email = uniqueEmail('onboarding');
  await visitor.run(signUp, { email, password: 'correct horse battery staple' });
  await visitor.follow((await lastEmailTo(email))!.link!, authLinks);
  return { visitor, email };
}

describe('completeOnboarding', () => {
  it('saves the name, marks onboarding done and continues to `next`', async () => {
    const { visitor, email } = await newUser();
    expect(await visitor.run(completeOnboarding, { name: '  Ada Lovelace ', next: '/dashboard?x=1' })).toEqual({ redirect: '/dashboard?x=1' });
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
    expect(await visitor.run(completeOnboarding, { name: '   ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fieldErrors: { name: [expect.any(String)] } } });
    expect(await new Visitor().run(completeOnboarding, { name: 'Mallory' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
