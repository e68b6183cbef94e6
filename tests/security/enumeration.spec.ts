import { expect, test } from '@playwright/test';
import { uniqueEmail } from '../e2e/support';
import { createPerson } from '../e2e/fixtures';
import { Client, actionId, type ActionAnswer } from './attacker';

/**
 * User enumeration: every form that takes an email answers the same for an account that exists and one that does not.
 */

const AUTH = 'src/features/auth/server';

/** What the visitor learns: status, result and redirect, with the email and request id taken out. */
function seen(answer: ActionAnswer, email: string) {
  const strip = (text: string | undefined) =>
    text?.replaceAll(email, '<email>').replaceAll(encodeURIComponent(email), '<email>');
  const { requestId: _id, ...error } = (answer.result?.error ?? {}) as Record<string, unknown>;
  return {
    status: answer.status,
    ok: answer.result?.ok,
    error: JSON.parse(strip(JSON.stringify(error))!),
    redirect: strip(answer.redirect),
  };
}

test('enumeration: sign-in, sign-up, forgot-password and magic link answer alike for existing and unknown emails', async () => {
  const existing = (await createPerson()).email;
  const unknown = uniqueEmail('nobody');
  const cases: [string, (email: string) => Record<string, unknown>][] = [
    ['sign-in-actions.ts#signIn', (email) => ({ email, password: 'wrong password here' })],
    ['sign-up-actions.ts#signUp', (email) => ({ email, password: 'a brand new passphrase' })],
    ['password-reset-actions.ts#requestPasswordReset', (email) => ({ email })],
    ['magic-link-actions.ts#requestMagicLink', (email) => ({ email })],
    ['sign-up-actions.ts#resendVerificationEmail', (email) => ({ email })],
  ];
  for (const [action, input] of cases) {
    const forExisting = await new Client().action(actionId(`${AUTH}/${action}`), input(existing));
    const forUnknown = await new Client().action(actionId(`${AUTH}/${action}`), input(unknown));
    expect(forExisting.result ?? forExisting.redirect, action).toBeTruthy();
    expect(seen(forExisting, existing), action).toEqual(seen(forUnknown, unknown));
  }
});
