import type { Page } from '@playwright/test';
import { e2eBaseUrl } from '../../playwright.config';
import { createOrganization, createPerson, expect, signIn, test } from './fixtures';
import { giveTrialingPro, portalPath } from './local-gateway-fixtures';
import { waitForHydration } from './support';

/**
 * The local gateway's clock and the past-due banner: a trial ends on a declined card, the queued,
 * signed webhook makes the organization past due, its owner sees the banner (a plain member does
 * not), and fixing the card in the portal recovers the subscription and takes the banner away.
 */

const banner = (page: Page) => page.getByTestId('past-due-banner');

/** Loads the organization's tasks page until `check` holds: the webhook is delivered by the job queue. */
async function untilDashboard(page: Page, slug: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.goto(`/dashboard/${slug}/tasks`);
    await check();
  }).toPass({ timeout: 30_000, intervals: [500, 1000] });
}

test('trial end on a declined card → past-due banner for the owner only → card fixed → banner gone', async ({
  page,
  browser,
}) => {
  test.slow(); // two queued webhook deliveries and five page loads on a shared machine
  const [owner, member] = await Promise.all([
    createPerson({ name: 'Olga Owner' }),
    createPerson({ name: 'Mick Member' }),
  ]);
  const organization = await createOrganization([
    [owner, 'owner'],
    [member, 'member'],
  ]);
  const { customerId } = await giveTrialingPro(organization);
  const portal = await portalPath(customerId, `${e2eBaseUrl}/dashboard/${organization.slug}/tasks`);
  await signIn(page.context(), owner);

  await page.goto(portal);
  await expect(page.getByText('Test mode')).toBeVisible();
  // A production build with the local gateway switched on (playwright.config.ts) says so.
  await expect(page.getByText('switched on in production')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Pro, monthly/ })).toContainText('Trialing');
  await waitForHydration(page, 'main form');
  await page.getByRole('button', { name: 'Use the card that is declined' }).click();
  await expect(page.getByText('Charges are declined')).toBeVisible();

  await page.getByRole('button', { name: 'Advance Pro, monthly to the next event' }).click();
  await expect(page.getByRole('heading', { name: /Pro, monthly/ })).toContainText('Past due');
  await expect(page.getByRole('cell', { name: 'Open' })).toBeVisible();

  await untilDashboard(page, organization.slug, () => expect(banner(page)).toBeVisible({ timeout: 1000 }));
  await expect(banner(page)).toContainText('Your last payment failed');
  await expect(banner(page).getByRole('link', { name: 'Update payment method' })).toHaveAttribute(
    'href',
    `/dashboard/${organization.slug}/billing`,
  );

  const memberContext = await browser.newContext({ baseURL: e2eBaseUrl });
  await signIn(memberContext, member);
  const memberPage = await memberContext.newPage();
  await memberPage.goto(`/dashboard/${organization.slug}/tasks`);
  await expect(memberPage.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(banner(memberPage)).toHaveCount(0);
  await memberContext.close();

  await page.goto(portal);
  await waitForHydration(page, 'main form');
  await page.getByRole('button', { name: 'Use the card that succeeds' }).click();
  await expect(page.getByRole('heading', { name: /Pro, monthly/ })).toContainText('Active');
  await expect(page.getByRole('cell', { name: 'Paid' })).toBeVisible();

  await untilDashboard(page, organization.slug, async () => {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 1000 });
    await expect(banner(page)).toHaveCount(0, { timeout: 1000 });
  });
  await page.goto(portal);
  await expect(page.getByRole('link', { name: /^Return to / })).toHaveAttribute(
    'href',
    `${e2eBaseUrl}/dashboard/${organization.slug}/tasks`,
  );
});

test('an unknown portal session is a 404', async ({ page }) => {
  const response = await page.goto('/billing/local-portal/bps_local_guessed');
  expect(response?.status()).toBe(404);
});
