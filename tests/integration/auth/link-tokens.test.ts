import { describe, expect, it } from 'vitest';
import { requestMagicLink, verifyMagicLink } from '@/features/auth/server/magic-link-actions';
import { requestPasswordReset, resetPassword } from '@/features/auth/server/password-reset-actions';
import { signUp } from '@/features/auth/server/sign-up-actions';
import { isPasswordResetTokenUsable, magicLinkEmail } from '@/features/auth/server/link-tokens';
import { confirmFromEmail } from '../../support/users';
import { Visitor, lastEmailTo, uniqueEmail } from '../../support/visitor';

const password = 'correct horse battery staple';

/** The token of the link in the latest email to `email`. */
async function emailedToken(email: string) {
  const link = (await lastEmailTo(email))?.link;
  expect(link).toBeTruthy();
  return new URL(link!).searchParams.get('token')!;
}

describe('peeking at emailed links (the pages they open say at once when they are spent)', () => {
  it('a password reset link is usable until it is used', async () => {
    const visitor = new Visitor();
    const email = uniqueEmail();
    await visitor.run(signUp, { email, password });
    expect(await confirmFromEmail(visitor, email, password)).toEqual({ redirect: '/onboarding' });

    await visitor.run(requestPasswordReset, { email });
    const token = await emailedToken(email);
    expect(await isPasswordResetTokenUsable(token)).toBe(true);
    // Looking does not use it up.
    expect(await isPasswordResetTokenUsable(token)).toBe(true);

    expect(await visitor.run(resetPassword, { token, password: 'another long passphrase' })).toEqual({
      redirect: '/auth/sign-in?reset=1',
    });
    expect(await isPasswordResetTokenUsable(token)).toBe(false);
    expect(await isPasswordResetTokenUsable('made-up-token')).toBe(false);
    expect(await isPasswordResetTokenUsable('')).toBe(false);
  });

  it('a magic link tells whose account it opens, until it is used', async () => {
    const visitor = new Visitor();
    const email = uniqueEmail('magic');
    await visitor.run(requestMagicLink, { email, next: '/dashboard' });
    const token = await emailedToken(email);
    expect(await magicLinkEmail(token)).toBe(email);

    expect(await visitor.run(verifyMagicLink, { token })).toEqual({ redirect: '/onboarding' });
    expect(await magicLinkEmail(token)).toBeNull();
    // Pressed again (another tab, a double click): "ask for a new link", not a server error.
    for (const spent of [token, 'made-up-token']) {
      expect(await visitor.run(verifyMagicLink, { token: spent })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: 'This link has expired or was already used. Ask for a new one.' },
      });
    }
    expect(await magicLinkEmail('made-up-token')).toBeNull();
  });
});
