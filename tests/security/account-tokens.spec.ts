import { expect, test } from '@playwright/test';
import { totpCode } from '../support/totp';
import { queryDatabase } from '../e2e/support';
import { createOrganization, createPerson } from '../e2e/fixtures';
import { Client, actionId } from './attacker';

/**
 * Single-use secrets used twice, and header injection through single-line
 * fields. Issue 12 items 2, 3 and 7, fixed on other branches: these tests fail
 * until those fixes are merged (see docs/security/adversarial-suite.md).
 */

const SIGN_IN = 'src/features/auth/server/sign-in-actions.ts';
const PASSWORD_RESET = 'src/features/auth/server/password-reset-actions.ts';
const TWO_FACTOR = 'src/features/auth/server/two-factor-actions.ts';
const PROFILE = 'src/features/auth/server/profile-actions.ts';

async function resetLink(email: string, after: Date) {
  let token = '';
  await expect(async () => {
    const [message] = await queryDatabase<{ text: string }>(
      `select text from dev_mailbox_messages where "to" ? $1 and created_at > $2 and text like '%/auth/reset-password?token=%' order by created_at desc limit 1`,
      [email, after],
    );
    token = new URL(message!.text.match(/https?:\/\/\S*reset-password\S*/)![0]).searchParams.get('token')!;
  }).toPass({ timeout: 10_000 });
  return token;
}

test('single use: an older password-reset link no longer works once a newer one has reset the password', async () => {
  const person = await createPerson();
  const visitor = new Client();
  const start = new Date(Date.now() - 1000);
  await visitor.action(actionId(`${PASSWORD_RESET}#requestPasswordReset`), { email: person.email });
  const first = await resetLink(person.email, start);
  const between = new Date();
  await visitor.action(actionId(`${PASSWORD_RESET}#requestPasswordReset`), { email: person.email });
  const second = await resetLink(person.email, between);
  expect(second).not.toBe(first);

  const reset = await visitor.action(actionId(`${PASSWORD_RESET}#resetPassword`), {
    token: second,
    password: 'the rightful new passphrase',
  });
  expect(reset.result?.ok ?? Boolean(reset.redirect)).toBeTruthy();
  const replay = await visitor.action(actionId(`${PASSWORD_RESET}#resetPassword`), {
    token: first,
    password: 'an attacker chose this one',
  });
  expect(replay.redirect, 'the older link is dead').toBeUndefined();
  expect(replay.result?.ok).toBe(false);
});

test('single use: an authenticator code that signed in once cannot sign in a second, fresh session', async () => {
  const person = await createPerson();
  const owner = await Client.signedInAs(person);
  const setup = await owner.action(actionId(`${TWO_FACTOR}#startTwoFactorSetup`), { password: person.password });
  expect(setup.result?.ok, `${setup.status} ${setup.text.slice(0, 400)}`).toBe(true);
  const secret = ((setup.result?.data as { manualKey: string }).manualKey ?? '').replace(/\s+/g, '');
  // Confirm with the previous step's code, so the current one is still unused.
  const confirmed = await owner.action(actionId(`${TWO_FACTOR}#confirmTwoFactorSetup`), {
    code: totpCode(secret, Date.now() - 30_000),
  });
  expect(confirmed.result?.ok).toBe(true);

  const code = totpCode(secret);
  const signInWithCode = async () => {
    const browser = new Client();
    const first = await browser.action(actionId(`${SIGN_IN}#signIn`), {
      email: person.email,
      password: person.password,
    });
    expect(first.redirect).toMatch(/\/auth\/two-factor/);
    return browser.action(actionId(`${SIGN_IN}#verifyTwoFactorCode`), { code });
  };
  const legitimate = await signInWithCode();
  expect(legitimate.redirect, 'the first use signs in').toBeTruthy();
  const replayed = await signInWithCode();
  expect(replayed.redirect, 'the replay does not').toBeUndefined();
  expect(replayed.result?.ok).toBe(false);
});

test('header injection: line breaks in single-line fields (profile name, organization name, task title) are refused with a field error', async () => {
  const person = await createPerson();
  const organization = await createOrganization([[person, 'owner']]);
  const client = await Client.signedInAs(person);
  const evil = 'Evil\r\nBcc: everyone@example.com';
  for (const [action, input, field] of [
    [`${PROFILE}#saveProfile`, { name: evil }, 'name'],
    [
      'src/features/organizations/server/actions.ts#updateOrganizationAction',
      { organizationId: organization.id, name: evil, slug: organization.slug },
      'name',
    ],
    [
      'src/features/tasks/server/actions.ts#createTaskAction',
      { organizationId: organization.id, title: evil },
      'title',
    ],
  ] as const) {
    const answer = await client.action(actionId(action), input);
    expect(answer.code, action).toBe('VALIDATION_FAILED');
    expect(answer.result?.error?.fieldErrors?.[field]?.length, action).toBeGreaterThan(0);
  }
});
