import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { e2eDatabaseUrl } from '../../playwright.config';
import { nextTotpCode, secretFrom } from '../support/totp';
import { createOrganization, createPerson, expect, signIn, test } from './fixtures';
import { fillSignInForm, queryDatabase, signInThroughUi, waitForHydration } from './support';

/**
 * The super-admin area as an operator goes through it (docs/admin/super-admin.md): granted from the command line,
 * two-factor turned on when the gate asks for it, then a user found, banned (they cannot sign in) and unbanned, and
 * all of it in the audit log.
 */

/** `npm run admin:grant -- <email>`, against the database of the server under test. */
async function grantFromCommandLine(email: string) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/admin.ts', 'grant', email],
    { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl, NODE_ENV: 'development' } },
  );
  expect(stdout).toContain('is now a super admin');
}

/** Every page of the admin route folder, as a URL (`[userId]` and `[organizationId]` filled in). */
async function adminPageUrls(
  userId: string,
  organizationId = '00000000-0000-4000-8000-000000000000',
): Promise<string[]> {
  const root = 'src/app/(dynamic)/(admin)';
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name === 'page.tsx')
    .map((entry) =>
      path
        .relative(root, entry.parentPath)
        .split(path.sep)
        .filter((segment) => !/^\(.*\)$/.test(segment))
        .map((segment) => (segment === '[userId]' ? userId : segment === '[organizationId]' ? organizationId : segment))
        .join('/'),
    )
    .map((route) => `/${route}`);
}

test('every admin page is a 404 to a signed-in user who is not a super admin, and to a visitor', async ({
  page,
  browser,
}) => {
  const user = await createPerson();
  await signIn(page.context(), user);
  const urls = await adminPageUrls(user.id);
  expect(urls).toEqual(
    expect.arrayContaining([
      '/admin',
      '/admin/users',
      `/admin/users/${user.id}`,
      '/admin/audit',
      '/admin/organizations',
      '/admin/billing/subscriptions',
      '/admin/billing/webhooks',
    ]),
  );
  const visitor = await (await browser.newContext()).newPage();
  for (const url of urls) {
    expect((await page.goto(url))?.status(), url).toBe(404);
    expect((await visitor.goto(url))?.status(), `${url} signed out`).toBe(404);
  }
});

test('grant from the command line, two-factor, find a user, ban and unban, and read it in the audit log', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const operator = await createPerson({ name: 'Olive Operator' });
  const customer = await createPerson({ name: 'Carl Customer' });
  await grantFromCommandLine(operator.email);

  // The gate: a super admin without two-factor is sent to turn it on.
  await signIn(page.context(), operator);
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/settings\/security$/);
  const twoFactor = page.getByTestId('two-factor');
  await waitForHydration(page, '[data-testid="two-factor"] form');
  await twoFactor.getByLabel('Current password').fill(operator.password);
  await twoFactor.getByRole('button', { name: 'Turn on' }).click();
  const secret = secretFrom((await twoFactor.getByTestId('totp-manual-key').textContent())!);
  await twoFactor.getByLabel('Authentication code').fill(await nextTotpCode(secret));
  await twoFactor.getByRole('button', { name: 'Turn on two-factor' }).click();
  await expect(twoFactor.getByTestId('two-factor-status')).toHaveText('On');

  // A fresh sign-in with the second factor, in another browser.
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signInThroughUi(admin, operator);
  await expect(admin).toHaveURL(/\/auth\/two-factor/);
  await waitForHydration(admin, 'form');
  await admin.getByLabel('Authentication code').fill(await nextTotpCode(secret));
  await admin.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(admin).not.toHaveURL(/\/auth\//);

  // The same pages that are a 404 to everyone else open for the super admin (so that 404 is the gate's).
  const customerOrganization = await createOrganization([[customer, 'owner']]);
  for (const url of await adminPageUrls(customer.id, customerOrganization.id))
    expect((await admin.goto(url))?.status(), url).toBe(200);

  // Find the customer.
  await admin.goto('/admin/users');
  await expect(admin.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await waitForHydration(admin, '[data-testid="admin-users"]');
  await admin.getByLabel('Name or email').fill(customer.email);
  await admin.getByLabel('Name or email').press('Enter');
  await expect(admin).toHaveURL(/[?&]q=/);
  const rows = admin.getByTestId('admin-users').getByRole('row');
  await expect(rows.filter({ hasText: customer.email })).toHaveCount(1);
  await expect(rows.filter({ hasText: operator.email })).toHaveCount(0);
  await admin.getByRole('link', { name: 'Carl Customer' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Carl Customer' })).toBeVisible();

  // The customer is signed in somewhere; the ban ends it, and they cannot sign in again.
  const customerContext = await browser.newContext();
  const customerPage = await customerContext.newPage();
  await signIn(customerContext, customer);
  await customerPage.goto('/settings/profile');
  await expect(customerPage).toHaveURL(/\/settings\/profile$/);

  await waitForHydration(admin, 'form');
  await admin.getByLabel(/^Reason/).fill('Card testing from many countries');
  await admin.getByRole('button', { name: 'Ban and sign out everywhere' }).click();
  await expect(admin.getByText('User banned and signed out of 1 session', { exact: true })).toBeVisible();
  await expect(admin.getByTestId('admin-user-state')).toContainText('Banned');
  expect(await queryDatabase('select count(*)::int as n from sessions where user_id = $1', [customer.id])).toEqual([
    { n: 0 },
  ]);

  await customerPage.reload();
  await expect(customerPage).toHaveURL(/\/auth\/sign-in/);
  await fillSignInForm(customerPage, customer);
  await expect(customerPage.getByText('This account has been suspended.', { exact: false })).toBeVisible();

  // Unban: they sign in again.
  await admin.getByRole('button', { name: 'Lift the ban' }).click();
  await expect(admin.getByText('Ban lifted: the user can sign in again', { exact: true })).toBeVisible();
  await signInThroughUi(customerPage, customer);
  await expect(customerPage).not.toHaveURL(/\/auth\//);

  // The audit log: the grant from the command line (of the viewer: "You"), the ban with its reason, the unban.
  await admin.goto('/admin/audit');
  const log = admin.getByTestId('audit-log');
  await expect(log.getByText('The command line made You a super admin')).toBeVisible();
  await expect(log.getByText('You banned Carl Customer: Card testing from many countries')).toBeVisible();
  await expect(log.getByText('You lifted the ban on Carl Customer')).toBeVisible();
  await context.close();
  await customerContext.close();
});

test('impersonate a user from their page: the banner, a refused password change, stop, and both in the audit log', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const operator = await createPerson({ name: 'Olive Operator' });
  const customer = await createPerson({ name: 'Ivy Customer' });
  await createOrganization([[customer, 'owner']], { name: 'Ivy’s shop' });
  // Granted and with two-factor on (the test above goes through both); signed in just now.
  await queryDatabase('insert into super_admins (user_id) values ($1)', [operator.id]);
  await queryDatabase('update users set two_factor_enabled = true where id = $1', [operator.id]);
  await signIn(page.context(), operator);

  await page.goto(`/admin/users/${customer.id}`);
  await waitForHydration(page, 'form');
  await page.getByRole('button', { name: 'Impersonate this user' }).click();

  // Signed in as the customer: their dashboard, with the banner naming them.
  await expect(page).toHaveURL(/\/dashboard/);
  const banner = page.getByTestId('impersonation-banner');
  await expect(banner).toContainText(`You are signed in as Ivy Customer (${customer.email}) by impersonation`);
  expect((await page.goto('/admin'))?.status()).toBe(404);

  // The limits hold on the server: a password change is refused, with the reason.
  await page.goto('/settings/security');
  await expect(banner).toBeVisible();
  await expect(page.getByTestId('sessions')).toContainText('Opened by support');
  await waitForHydration(page, 'form');
  const passwordForm = page.getByRole('form', { name: 'Password' });
  await passwordForm.getByLabel('Current password').fill(customer.password);
  await passwordForm.getByLabel('New password').fill('a brand new passphrase for ivy');
  await passwordForm.getByRole('button', { name: 'Change password' }).click();
  await expect(passwordForm.getByText('Not while impersonating:', { exact: false })).toBeVisible();

  // Stop: back on the customer's admin page, as the operator.
  await banner.getByRole('button', { name: 'Stop impersonating' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${customer.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Ivy Customer' })).toBeVisible();
  await expect(page.getByTestId('impersonation-banner')).toHaveCount(0);
  expect(
    await queryDatabase('select count(*)::int as n from sessions where impersonated_by = $1', [operator.id]),
  ).toEqual([{ n: 0 }]);

  await page.goto('/admin/audit');
  const log = page.getByTestId('audit-log');
  await expect(log.getByText('You started impersonating Ivy Customer')).toBeVisible();
  await expect(log.getByText('You stopped impersonating Ivy Customer')).toBeVisible();
});
