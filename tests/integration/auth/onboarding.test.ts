import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { completeOnboarding } from '@/features/auth/server/sign-up-actions';
import { users } from '@/features/auth/server/schema';
import { db } from '@/platform/db/client';
import { errorText } from '../../support/messages';
import { createVerifiedUser } from '../../support/users';
import { Visitor } from '../../support/visitor';

async function userRow(id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}

describe('onboarding', () => {
  it('requires a signed-in user', async () => {
    const outcome = await new Visitor({ locale: 'es' }).run(completeOnboarding, { name: 'Grace Hopper' });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', status: 401, message: errorText('es', 'UNAUTHENTICATED') },
    });
  });

  it('saves the name and the moment, then opens the dashboard', async () => {
    const user = await createVerifiedUser({ name: null });
    expect((await userRow(user.id)).onboardedAt).toBeNull();

    const before = Date.now();
    expect(await user.visitor.run(completeOnboarding, { name: '  Grace Hopper  ' })).toEqual({
      redirect: '/dashboard',
    });
    const row = await userRow(user.id);
    expect(row.name).toBe('Grace Hopper');
    expect(row.onboardedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('refuses an empty or overlong name, changing nothing', async () => {
    const user = await createVerifiedUser({ name: null, locale: 'es' });
    const blank = await user.visitor.run(completeOnboarding, { name: '   ' });
    expect(blank).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { name: [errorText('es', 'validation.required')] } },
    });
    const long = await user.visitor.run(completeOnboarding, { name: 'x'.repeat(101) });
    expect(long).toMatchObject({
      ok: false,
      error: { fieldErrors: { name: [errorText('es', 'validation.tooLong', { maximum: 100 })] } },
    });
    expect((await userRow(user.id)).onboardedAt).toBeNull();
  });
});
