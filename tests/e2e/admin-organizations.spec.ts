import { createOrganization, createPerson, expect, signIn, test, type Person } from './fixtures';
import { queryDatabase, waitForHydration } from './support';

/**
 * Organizations in the super-admin area (docs/admin/organizations.md): an operator finds an organization, grants it
 * a plan for a reason (a reason too short is refused on its field), reads the grant on the organization's page and
 * the event in the audit log. Granting from the command line and the two-factor gate are admin.spec.ts's story:
 * here the operator is made a super admin with two-factor on directly in the database.
 */

async function makeOperator(): Promise<Person> {
  const operator = await createPerson({ name: 'Olive Operator' });
  await queryDatabase('insert into super_admins (user_id) values ($1)', [operator.id]);
  await queryDatabase('update users set two_factor_enabled = true where id = $1', [operator.id]);
  return operator;
}

/** A day `days` from today, as the date field takes it (YYYY-MM-DD, UTC). */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('find an organization, grant it a plan with a reason, see it on its page and in the audit log', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const operator = await makeOperator();
  const owner = await createPerson({ name: 'Nora Owner' });
  const marker = Date.now().toString(36);
  const organization = await createOrganization([[owner, 'owner']], { name: `Zephyr Widgets ${marker}` });
  await signIn(page.context(), operator);

  // Find it.
  await page.goto('/admin/organizations');
  await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeVisible();
  await waitForHydration(page, '[data-testid="admin-organizations"]');
  await page.getByLabel('Name or slug').fill(`Zephyr Widgets ${marker}`);
  await page.getByLabel('Name or slug').press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  const rows = page.getByTestId('admin-organizations').getByRole('row');
  await expect(rows.filter({ hasText: organization.slug })).toHaveCount(1);
  await expect(rows.filter({ hasText: organization.slug })).toContainText('Free');
  await page.getByRole('link', { name: organization.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: organization.name })).toBeVisible();
  await expect(page.getByTestId('admin-organization-members')).toContainText('Nora Owner');
  await expect(page.getByTestId('admin-organization-usage')).toContainText('1 of 3');

  // Grant Pro: a reason too short is refused on its field; then a real one.
  const grant = page.getByRole('form', { name: 'Grant or extend a plan' });
  await waitForHydration(page, 'form');
  await grant.getByLabel('Plan').selectOption({ label: 'Pro' });
  await grant.getByLabel('Through (last day, UTC)').fill(dayFromNow(30));
  await grant.getByLabel('Reason').fill('Partner');
  await grant.getByRole('button', { name: 'Grant the plan' }).click();
  await expect(grant.getByText('Use at least 10 characters.')).toBeVisible();
  await grant.getByLabel('Reason').fill('Partner agreement with Zephyr');
  await grant.getByRole('button', { name: 'Grant the plan' }).click();
  await expect(page.getByRole('region', { name: /^Notifications/ }).getByText('Plan granted')).toBeVisible();

  // On its page: on Pro now, until the chosen day, with who and why.
  await expect(page.getByTestId('admin-organization-subscription')).toContainText('Pro');
  await expect(page.getByTestId('admin-organization-subscription')).toContainText('Granted until');
  await expect(page.getByTestId('admin-organization-grants')).toContainText('by Olive Operator');
  await expect(page.getByTestId('admin-organization-grants')).toContainText('Reason: Partner agreement with Zephyr');
  await expect(page.getByTestId('admin-organization-usage')).toContainText('1 (no limit)');

  // And in the audit log.
  await page.goto('/admin/audit');
  await expect(
    page
      .getByTestId('audit-log')
      .getByText(/^You gave the organization the pro plan until .+: Partner agreement with Zephyr$/),
  ).toBeVisible();
  expect(
    await queryDatabase('select granted_by_id from billing_plan_grants where organization_id = $1', [organization.id]),
  ).toEqual([{ granted_by_id: operator.id }]);
});
