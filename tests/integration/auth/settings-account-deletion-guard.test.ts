import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { users } from '@/features/auth/server/schema';
import { deleteAccount } from '@/features/auth/server/settings-actions';
import { db } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';
import { createPasswordUser, signInWithPassword } from '../../support/settings-users';

// Stands in for the organizations capability: the user owns an organization alone.
vi.mock('@/features/auth/server/account-deletion', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/features/auth/server/account-deletion')>()),
  assertCanDeleteAccount: vi.fn(async () => {
    throw new AppError('CONFLICT', { messageKey: 'auth.soleOwner', values: { organizations: 'Acme' } });
  }),
}));

describe('deleting the account while assertCanDeleteAccount refuses', () => {
  it('deletes nothing and says why', async () => {
    const user = await createPasswordUser();
    const visitor = await signInWithPassword(user);
    const outcome = await visitor.run(deleteAccount, { password: user.password, confirmation: user.email });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Acme') } });
    expect(await db.select().from(users).where(eq(users.id, user.id))).toHaveLength(1);
  });
});
