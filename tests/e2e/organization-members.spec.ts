import type { Page } from '@playwright/test';
import { createOrganization, createPerson, expect, signIn, test, type Person } from './fixtures';
import { expectNoSeriousA11yViolations, queryDatabase, uniqueEmail, waitForHydration } from './support';

/**
 * The members and organization settings pages as an owner and as a plain
 * member. The people and the organization are made in the database (fixtures.ts):
 * signing up and creating one are onboarding's story, tested there.
 */

async function roleOf(organizationId: string, person: Person) {
  const [row] = await queryDatabase<{ role: string }>(
    'select role from members where organization_id = $1 and user_id = $2',
    [organizationId, person.id],
  );
  return row?.role;
}

/** Waits until every form of the page is hydrated, so a select changed now is not reset by React. */
async function waitForForms(page: Page) {
  await waitForHydration(page, 'main form');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('main form')].every((form) =>
      Object.keys(form).some((key) => key.startsWith('__reactFiber')),
    ),
  );
}

test.describe('organization members and settings', () => {
  test('an owner invites, changes a role, is refused leaving as the last owner, and renames the organization', async ({
    page,
  }) => {
    const [member, owner] = await Promise.all([
      createPerson({ name: 'Max Member' }),
      createPerson({ name: 'Olive Owner' }),
    ]);
    const organization = await createOrganization(
      [
        [owner, 'owner'],
        [member, 'member'],
      ],
      { name: 'Rocket Co' },
    );
    await signIn(page.context(), owner);

    await page.goto(`/dashboard/${organization.slug}/members`);
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
    await waitForForms(page);

    // Several addresses at once; one of them already belongs: the field says which, nothing is sent.
    const newcomer = uniqueEmail('newcomer');
    await page.getByLabel('Email addresses').fill(`${member.email}\n${newcomer}`);
    await page.getByRole('button', { name: 'Send invitations' }).click();
    await expect(page.getByText(`${member.email} is already a member of this organization.`)).toBeVisible();
    await expect(page.getByLabel('Email addresses')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Email addresses').fill(newcomer);
    await page.getByRole('button', { name: 'Send invitations' }).click();
    await expect(page.getByText('Invitation sent.', { exact: true })).toBeVisible();
    await expect(page.getByTestId('invitations').getByText(newcomer)).toBeVisible();

    // A role change, limited to the roles the owner may give.
    const row = page.getByTestId('members').getByRole('listitem').filter({ hasText: member.email });
    await row.getByLabel('Role of Max Member').selectOption('admin');
    await row.getByRole('button', { name: 'Change role' }).click();
    await expect(page.getByText('Max Member’s role is now Admin.', { exact: true })).toBeVisible();
    expect(await roleOf(organization.id, member)).toBe('admin');
    // Nobody gets controls over themselves.
    const ownRow = page.getByTestId('members').getByRole('listitem').filter({ hasText: owner.email });
    await expect(ownRow.getByRole('button')).toHaveCount(0);

    // The only owner cannot leave: the server's reason shows in the dialog.
    await page.getByRole('button', { name: 'Leave organization' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Leave', exact: true }).click();
    await expect(page.getByRole('alertdialog').getByText('You are the only owner.', { exact: false })).toBeVisible();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await roleOf(organization.id, owner)).toBe('owner');

    // A new address moves the settings page to it.
    await page.goto(`/dashboard/${organization.slug}/settings`);
    await waitForForms(page);
    const renamed = `${organization.slug}-new`;
    await page.getByLabel('Address').fill(renamed);
    await expect(page.getByTestId('slug-preview')).toHaveText(new RegExp(`/dashboard/${renamed}$`));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard/${renamed}/settings$`));
    await expect(page.getByLabel('Address')).toHaveValue(renamed);
  });

  test('a member sees the members but no controls, and the settings read-only', async ({ page }) => {
    const [owner, member] = await Promise.all([
      createPerson({ name: 'Olive Owner' }),
      createPerson({ name: 'Max Member' }),
    ]);
    const organization = await createOrganization(
      [
        [owner, 'owner'],
        [member, 'member'],
      ],
      { name: 'Quiet Co' },
    );
    await signIn(page.context(), member);

    await page.goto(`/dashboard/${organization.slug}/members`);
    const rows = page.getByTestId('members').getByRole('listitem');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: owner.email }).getByText('Owner', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Invite members' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Pending invitations' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Change role' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Leave organization' })).toBeVisible();

    await page.goto(`/dashboard/${organization.slug}/settings`);
    await expect(page.getByText('Your role does not allow changing these.')).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Delete organization' })).toHaveCount(0);
  });

  test('both pages fit a phone and pass axe in light and dark, for the owner', async ({ page, context, baseURL }) => {
    const owner = await createPerson({ name: 'Olive Owner' });
    const organization = await createOrganization([[owner, 'owner']], { name: 'Axe Co' });
    await signIn(context, owner);
    await queryDatabase(
      `insert into invitations (organization_id, email, role, token_hash, expires_at) values ($1, $2, 'member', md5(random()::text), now() - interval '1 day')`,
      [organization.id, uniqueEmail('expired')],
    );
    await page.setViewportSize({ width: 375, height: 740 });
    for (const theme of ['light', 'dark'] as const) {
      await context.addCookies([{ name: 'keel-theme', value: theme, url: baseURL! }]);
      for (const section of ['members', 'settings']) {
        await page.goto(`/dashboard/${organization.slug}/${section}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect({ section, theme, overflow }).toEqual({ section, theme, overflow: 0 });
        await expectNoSeriousA11yViolations(page);
      }
    }
  });
});
