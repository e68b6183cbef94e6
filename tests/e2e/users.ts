import { expect, type Page } from '@playwright/test';
import { E2E_PASSWORD, confirmEmailOnPage, queryDatabase, uniqueEmail, waitForHydration } from './support';

/**
 * Accounts for end-to-end tests, made the way a person makes them: the
 * sign-up form, then the link from the confirmation email (read from the dev
 * mailbox table of the server under test), whose page takes the password.
 * Onboarding's name step is marked done in the database, so specs start at the page they test.
 */
export interface E2eUser {
  email: string;
  password: string;
}

/** The first link in the newest email to `to`, waiting for it to arrive. */
export async function latestEmailLink(to: string, subjectContains = ''): Promise<string> {
  let link: string | undefined;
  await expect(async () => {
    const [message] = await queryDatabase<{ text: string }>(
      `select text from dev_mailbox_messages where "to" ? $1 and subject like $2 order by created_at desc limit 1`,
      [to, `%${subjectContains}%`],
    );
    link = message?.text.match(/https?:\/\/[^\s)\]]+/)?.[0];
    expect(link).toBeTruthy();
  }).toPass({ timeout: 10_000 });
  return link!;
}

/**
 * Signs up through /auth/sign-up, confirms the email, signs in, and leaves the
 * page on onboarding's organization step (these users belong to no organization).
 */
export async function signUpThroughUi(page: Page, options: { name?: string } = {}): Promise<E2eUser> {
  const user = { email: uniqueEmail(), password: E2E_PASSWORD };
  await page.goto('/auth/sign-up');
  await waitForHydration(page, 'form');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  // Enter submits the form whatever its button says.
  await page.getByLabel('Password', { exact: true }).press('Enter');
  // The sign-up action sends the browser to the "check your inbox" page.
  await page.waitForURL(/\/auth\/verify-email/);
  await queryDatabase(`update users set onboarded_at = now(), name = $2 where email = $1`, [user.email, options.name ?? '']);
  await page.goto(await latestEmailLink(user.email, 'Confirm your email'));
  await confirmEmailOnPage(page, user.password);
  await page.waitForURL(/\/onboarding\/organization$/);
  return user;
}

/** Signs in through /auth/sign-in. With two-factor on, this stops at the code page. */
export async function signInThroughUi(page: Page, user: E2eUser) {
  await page.goto('/auth/sign-in');
  await waitForHydration(page, 'form');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}
