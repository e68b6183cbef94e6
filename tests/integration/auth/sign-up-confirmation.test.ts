import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signUp } from '@/features/auth/server/sign-up-actions';
import { signUpConfirmation } from '@/features/auth/server/email-confirmation';
import { users } from '@/features/auth/server/schema';
import { db } from '@/platform/db/client';
import { TEST_PASSWORD as password, confirmFromEmail, confirmationToken } from '../../support/users';
import { Visitor, uniqueEmail } from '../../support/visitor';

/** What /auth/confirm-email reads for its token (the page holds no query of its own, decision 0025). */
describe('signUpConfirmation', () => {
  it('gives the address of an unconfirmed sign-up, then says it is confirmed once the password confirmed it', async () => {
    const email = uniqueEmail();
    const visitor = new Visitor();
    await visitor.run(signUp, { email, password });
    const token = await confirmationToken(email);
    expect(await signUpConfirmation(token)).toEqual({ email, verified: false });

    await confirmFromEmail(visitor, email, password);
    expect(await signUpConfirmation(token)).toEqual({ email, verified: true });
  });

  it('answers null for a forged token and for an account that is gone', async () => {
    const email = uniqueEmail();
    await new Visitor().run(signUp, { email, password });
    const token = await confirmationToken(email);
    expect(await signUpConfirmation(`${token.slice(0, -4)}AAAA`)).toBeNull();
    expect(await signUpConfirmation('made-up-token')).toBeNull();

    await db.delete(users).where(eq(users.email, email));
    expect(await signUpConfirmation(token)).toBeNull();
  });
});
