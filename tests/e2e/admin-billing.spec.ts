import { randomUUID } from 'node:crypto';
import { createOrganization, createPerson, expect, signIn, test, type Person } from './fixtures';
import { expectNoSeriousA11yViolations, loadedScripts, queryDatabase, waitForHydration } from './support';

/**
 * The admin overview and billing operations on the production build (docs/admin/overview-and-billing.md): the
 * overview's charts render (axe passes in light and dark), recharts is in the overview's scripts and in no customer
 * page's, and the webhook ledger shows a failed event and redelivers it.
 */

/** A super admin with two-factor on (the gate's conditions, set in the database: admin.spec.ts goes through them). */
async function createSuperAdmin(): Promise<Person> {
  const admin = await createPerson({ name: 'Olga Ops' });
  await queryDatabase(`update users set two_factor_enabled = true where id = $1`, [admin.id]);
  await queryDatabase(`insert into super_admins (user_id) values ($1)`, [admin.id]);
  return admin;
}

/** Recharts' own class names: a script that draws a chart with it carries them. */
const RECHARTS = /recharts-(wrapper|surface|cartesian-grid)/;

test('the overview draws its charts for the operator, and recharts stays off customer pages', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await createSuperAdmin();
  await signIn(page.context(), admin);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  const figures = page.getByTestId('admin-overview-figures');
  await expect(figures.getByRole('heading', { name: 'Monthly recurring revenue' })).toBeVisible();
  await expect(figures.getByRole('heading', { name: 'Active organizations' })).toBeVisible();
  await expect(page.getByTestId('overview-sign-ups')).toContainText(/sign-ups? in the last 30 days/);
  // The chart is drawn (an SVG with bars), and its numbers are in a table for assistive technology.
  await expect(page.getByTestId('sign-ups-chart').locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByRole('table', { name: /Bar chart of sign-ups per day/ })).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
  // On a phone the page does not scroll sideways (that hidden table once made it 655 px wide).
  await page.setViewportSize({ width: 375, height: 740 });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBe(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  const adminScripts = await loadedScripts(page);
  expect(
    adminScripts.some(({ text }) => RECHARTS.test(text)),
    'the overview loads recharts',
  ).toBe(true);

  // Dark: the same page, axe again.
  const dark = await browser.newContext({ colorScheme: 'dark' });
  await signIn(dark, admin);
  const darkPage = await dark.newPage();
  await darkPage.goto('/admin');
  await expect(darkPage.locator('html')).toHaveClass(/\bdark\b/);
  await expect(darkPage.getByTestId('sign-ups-chart').locator('svg.recharts-surface').first()).toBeVisible();
  await expectNoSeriousA11yViolations(darkPage);
  await dark.close();

  // A customer's pages, signed out and in: none of their scripts is recharts.
  const customer = await createPerson();
  const organization = await createOrganization([[customer, 'owner']]);
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto('/');
  await visitor.goto('/pricing');
  const scripts = await loadedScripts(visitor);
  await signIn(context, customer);
  for (const url of [`/dashboard/${organization.slug}`, `/dashboard/${organization.slug}/billing`]) {
    await visitor.goto(url);
    await waitForHydration(visitor);
    scripts.push(...(await loadedScripts(visitor)));
  }
  expect(scripts.length).toBeGreaterThan(5);
  expect(scripts.filter(({ text }) => RECHARTS.test(text)).map(({ url }) => url)).toEqual([]);
  await context.close();
});

test('the webhook ledger shows a failed event with its error, and redelivers it', async ({ page }) => {
  const admin = await createSuperAdmin();
  const eventId = `evt_e2e_${randomUUID().slice(0, 8)}`;
  // An event whose processing failed: its payload kept (a type Keel acknowledges and ignores), its error shown.
  await queryDatabase(
    `insert into billing_webhook_events (provider, provider_event_id, type, occurred_at, payload, error)
     values ('local', $1, 'e2e.unknown', now(), $2, 'billing store unavailable')`,
    [eventId, JSON.stringify({ id: eventId, type: 'e2e.unknown', kind: 'unknown', occurredAt: new Date() })],
  );
  await signIn(page.context(), admin);
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Open the webhook ledger' }).click();
  await expect(page).toHaveURL(/\/admin\/billing\/webhooks\?state=failed$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Webhook ledger' })).toBeVisible();

  const failed = page.getByTestId('failed-webhooks');
  const row = failed.getByRole('row').filter({ hasText: eventId });
  await expect(row).toContainText('Error: billing store unavailable');
  await expectNoSeriousA11yViolations(page);
  await waitForHydration(page, '[data-testid="failed-webhooks"] form');
  await row.getByRole('button', { name: `Redeliver event ${eventId}` }).click();
  await expect(page.getByText('Event processed again: Ignored.', { exact: true })).toBeVisible();
  // Processed now: it leaves the failed list and shows its outcome in the ledger.
  await expect(failed.getByRole('row').filter({ hasText: eventId })).toHaveCount(0);
  await page.goto(`/admin/billing/webhooks?type=e2e.unknown`);
  await expect(page.getByTestId('admin-webhooks').getByRole('row').filter({ hasText: eventId })).toContainText(
    'Ignored',
  );
  const [audit] = await queryDatabase<{ n: number }>(
    `select count(*)::int as n from audit_events where action = 'admin.webhookRedelivered' and actor_user_id = $1`,
    [admin.id],
  );
  expect(audit).toEqual({ n: 1 });
});
