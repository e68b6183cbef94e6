import type { Page } from '@playwright/test';
import { createOrganization, createPerson, expect, signIn, test } from './fixtures';
import { waitForHydration } from './support';

/**
 * Billing with the local gateway, end to end: the plans page, the hosted checkout, and back on the
 * billing page once the gateway's signed events have reached the webhook through the in-process job
 * runner (so the waits are on what the page shows, never on time).
 */

const WEBHOOK_WAIT = { timeout: 30_000 };

/** From the plans page, chooses Pro and lands on the local checkout. */
async function checkoutPro(page: Page, slug: string) {
  await page.goto(`/dashboard/${slug}/billing/plans`);
  await waitForHydration(page, '[data-testid="pricing-pro"] form');
  await page.getByRole('button', { name: 'Choose Pro' }).click();
  await expect(page).toHaveURL(/\/billing\/local-checkout\/cs_local_[0-9a-f]{24}$/);
  await expect(page.getByTestId('test-mode')).toContainText('Test mode — no money moves');
  await waitForHydration(page, 'form');
}

test('an owner subscribes to Pro, moves to yearly, cancels and resumes', async ({ page, account }) => {
  test.setTimeout(120_000);
  const slug = account.organization.slug;
  await page.goto(`/dashboard/${slug}/billing`);
  await expect(page.getByTestId('billing-plan-name')).toHaveText('Free');
  // No status badge beside "Free": there is no subscription, and it said "Free" a second time.
  await expect(page.getByTestId('billing-status')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Invoices', exact: true })).toBeVisible();
  await expect(page.getByText('No invoices yet')).toBeVisible();

  await page.getByRole('link', { name: 'Upgrade' }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}/billing/plans$`));
  await expect(page.getByTestId('pricing-free').getByRole('button', { name: 'Current plan' })).toBeDisabled();
  await checkoutPro(page, slug);
  // A 14-day trial: nothing due today, one seat (the owner).
  await expect(page.getByTestId('checkout-due')).toHaveText('$0.00');
  await expect(page.getByTestId('checkout-seats')).toHaveText('1');
  await page.getByLabel('Succeeds').check();
  await page.getByRole('button', { name: 'Pay' }).click();

  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}/billing\\?checkout=cs_local_`));
  // Processing or already Pro — never the old Free while the webhook is on its way.
  await expect(page.getByTestId('billing-processing').or(page.getByTestId('billing-plan-name'))).toBeVisible();
  await expect(page.getByTestId('billing-plan-name').filter({ hasText: 'Free' })).toHaveCount(0);
  await expect(page.getByTestId('billing-plan-name')).toHaveText('Pro · monthly', WEBHOOK_WAIT);
  await expect(page.getByTestId('billing-status')).toHaveText('Trial');
  await expect(page.getByTestId('billing-trial')).toContainText('14 days left in the trial');
  await expect(page.getByTestId('billing-seats')).toHaveText('Seats: 1 used of 1 paid');

  await page.getByRole('link', { name: 'Change plan' }).click();
  await waitForHydration(page, '[data-testid="pricing-pro"]');
  await expect(page.getByTestId('pricing-pro').getByRole('button', { name: 'Current plan' })).toBeDisabled();
  await page.getByRole('switch', { name: 'Bill yearly' }).click();
  await page.getByRole('button', { name: 'Switch to Pro (yearly)' }).click();
  const change = page.getByRole('alertdialog');
  await expect(change).toContainText('You move to Pro (yearly) now; the difference is prorated.');
  await change.getByRole('button', { name: 'Change plan' }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}/billing\\?change=pro-yearly$`));
  await expect(page.getByTestId('billing-plan-name')).toHaveText('Pro · yearly', WEBHOOK_WAIT);

  await waitForHydration(page, '[data-testid="billing-plan"]');
  await page.getByRole('button', { name: 'Cancel subscription' }).click();
  const cancel = page.getByRole('alertdialog');
  await expect(cancel).toContainText('keeps its plan until');
  await cancel.getByRole('button', { name: 'Cancel at the end of the period' }).click();
  await expect(page.getByTestId('billing-cancels')).toContainText('Cancels on', WEBHOOK_WAIT);
  await expect(page.getByTestId('billing-plan-name')).toHaveText('Pro · yearly');

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('billing-cancels')).toHaveCount(0, WEBHOOK_WAIT);
  await expect(page.getByTestId('billing-renewal')).toContainText('Renews on');
});

test('a declined card says why and keeps the checkout open; the extra confirmation can fail', async ({
  page,
  account,
}) => {
  await checkoutPro(page, account.organization.slug);
  const url = page.url();
  await page.getByLabel('Declined').check();
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByTestId('checkout-error')).toHaveText(
    'Your card was declined. Choose another card to try again.',
  );
  expect(page.url()).toBe(url);

  await page.getByLabel('Requires confirmation').check();
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByRole('heading', { name: 'Confirm this payment' })).toBeVisible();
  await page.getByRole('button', { name: 'Fail' }).click();
  await expect(page.getByTestId('checkout-error')).toHaveText(
    'The payment was not confirmed. Choose a card to try again.',
  );
  expect(page.url()).toBe(url);

  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${account.organization.slug}/billing/plans$`));
});

test('a member sees the plan but no controls, and the plans page is not theirs', async ({ page, context }) => {
  const owner = await createPerson({ name: 'Olga Owner' });
  const member = await createPerson({ name: 'Mia Member' });
  const organization = await createOrganization([
    [owner, 'owner'],
    [member, 'member'],
  ]);
  await signIn(context, member);
  await page.goto(`/dashboard/${organization.slug}/billing`);
  await expect(page.getByTestId('billing-plan-name')).toHaveText('Free');
  await expect(page.getByText('Only owners and admins manage billing.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Upgrade' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel subscription' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Invoices', exact: true })).toHaveCount(0);
  await page.goto(`/dashboard/${organization.slug}/billing/plans`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Choose Pro' })).toHaveCount(0);
});
