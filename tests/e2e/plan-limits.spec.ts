import { createOrganization, createPerson, expect, signIn, test } from './fixtures';
import { queryDatabase, uniqueEmail, waitForHydration } from './support';

/**
 * The free plan's limits in the built app: the refusal reads as an upgrade prompt leading to the plans
 * page, never an error page — which also shows billing's organization hooks are registered at start.
 */

test('at 100 tasks on the free plan, a new task is refused with an upgrade prompt, and nothing is created', async ({
  page,
}) => {
  const owner = await createPerson({ name: 'Fran Free' });
  const organization = await createOrganization([[owner, 'owner']], { name: 'Tiny Co' });
  await queryDatabase(
    `insert into tasks (organization_id, title) select $1, 'Task ' || n from generate_series(1, 100) as n`,
    [organization.id],
  );
  await signIn(page.context(), owner);
  await page.goto(`/dashboard/${organization.slug}/tasks/new`);
  await waitForHydration(page, '[data-testid="task-form"]');
  await page.getByLabel('Title').fill('One too many');
  await page.getByRole('button', { name: 'Create task' }).click();
  await expect(page.getByText('Your plan allows 100 tasks. Upgrade to add more.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'See plans' })).toHaveAttribute(
    'href',
    `/dashboard/${organization.slug}/billing/plans`,
  );
  const [row] = await queryDatabase<{ count: number }>(
    'select count(*)::int as count from tasks where organization_id = $1',
    [organization.id],
  );
  expect(row?.count).toBe(100);
});

test('with 3 members on the free plan, inviting a fourth is refused with the reason', async ({ page }) => {
  const [owner, second, third] = await Promise.all([
    createPerson({ name: 'Fran Free' }),
    createPerson({ name: 'Sam Second' }),
    createPerson({ name: 'Tia Third' }),
  ]);
  const organization = await createOrganization([
    [owner, 'owner'],
    [second, 'member'],
    [third, 'member'],
  ]);
  await signIn(page.context(), owner);
  await page.goto(`/dashboard/${organization.slug}/members`);
  await waitForHydration(page, '[data-testid="invite-members"]');
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  const invite = page.getByRole('dialog', { name: 'Invite members' });
  await invite.getByLabel('Email addresses').fill(uniqueEmail('fourth'));
  await invite.getByRole('button', { name: 'Send invitations' }).click();
  await expect(
    page.getByText('Your plan allows 3 members, counting open invitations. Upgrade to add more.'),
  ).toBeVisible();
});
