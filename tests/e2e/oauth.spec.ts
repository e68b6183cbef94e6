import { expect, test } from '@playwright/test';
import { e2eBaseUrl } from '../../playwright.config';
import { openMenu, queryDatabase, uniqueEmail, waitForHydration } from './support';

/**
 * "Continue with single sign-on" against the test OpenID Connect provider
 * (tests/support/oidc-provider.ts) that playwright.config.ts starts; the e2e
 * build has NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS=oidc (scripts/e2e.ts).
 */

test('single sign-on: a new person signs up at the provider, onboards, and comes back signed in next time', async ({
  page,
}) => {
  const email = uniqueEmail('sso');
  await page.goto('/auth/sign-in');
  await waitForHydration(page, 'form');
  await page.getByRole('button', { name: 'Continue with single sign-on' }).click();

  // The provider's own page.
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/authorize\?/);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Name').fill('Katherine Johnson');
  await page.getByRole('button', { name: 'Continue' }).click();

  // Back in the app, a new account goes through onboarding.
  await expect(page).toHaveURL(/\/onboarding/);
  const [user] = await queryDatabase<{ email_verified: boolean }>('select email_verified from users where email = $1', [
    email,
  ]);
  expect(user?.email_verified).toBe(true);
  await waitForHydration(page, 'form');
  await page.getByLabel('Your name').fill('Katherine Johnson');
  await page.getByRole('button', { name: 'Continue' }).click();
  // No organization yet: onboarding's next step.
  await expect(page).toHaveURL(/\/onboarding\/organization$/);

  // Signed out and back in through the provider: straight to the page asked for, same account.
  await page.goto('/settings/profile');
  await openMenu(page, 'user-menu');
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${e2eBaseUrl}/`);
  await page.goto('/auth/sign-in?next=%2Fsettings%2Fprofile%3Fvia%3Dsso');
  await waitForHydration(page, 'form');
  await page.getByRole('button', { name: 'Continue with single sign-on' }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/authorize\?/);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/settings\/profile\?via=sso$/);
  const accounts = await queryDatabase<{ provider_id: string }>(
    'select a.provider_id from accounts a join users u on u.id = a.user_id where u.email = $1',
    [email],
  );
  expect(accounts.map((row) => row.provider_id)).toEqual(['oidc']);
});

test('single sign-on works without JavaScript, and a cancelled sign-in explains itself', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: e2eBaseUrl, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/auth/sign-in');
  await page.getByRole('button', { name: 'Continue with single sign-on' }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/authorize\?/);
  await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('sso-cancel'));
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(/\/auth\/error\?error=access_denied/);
  await expect(page.getByText('The sign-in was canceled or refused by the provider.')).toBeVisible();
  await context.close();
});
