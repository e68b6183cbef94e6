import type { Page } from '@playwright/test';
import { createOrganization, createPerson, expect, signIn, test, type Person } from './fixtures';
import {
  expectNoSeriousA11yViolations,
  expectNoSeriousA11yViolationsInBothThemes,
  queryDatabase,
  uniqueEmail,
  waitForHydration,
} from './support';

/**
 * The members and organization settings pages as an owner and as a plain
 * member. The people and the organization are made in the database (fixtures.ts):
 * signing up and creating one are onboarding's story, tested there.
 */

async function memberIdOf(organizationId: string, person: Person) {
  const [row] = await queryDatabase<{ id: string }>(
    'select id from members where organization_id = $1 and user_id = $2',
    [organizationId, person.id],
  );
  return row!.id;
}

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

/** A member's row in the members table. */
function memberRow(page: Page, person: Person) {
  return page.getByTestId('members').locator(`tr[data-member="${person.email}"]`);
}

/** Opens the "⋯" menu of a member's row and picks an item. */
async function chooseInRowMenu(page: Page, person: Person, item: string) {
  await memberRow(page, person)
    .getByRole('button', { name: `Actions for ${person.name}` })
    .click();
  await page.getByRole('menuitem', { name: item }).click();
}

test.describe('organization members and settings', () => {
  test('an owner invites through the dialog, changes a role and removes someone from the row menu, and hands ownership over', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const [member, leaver, owner] = await Promise.all([
      createPerson({ name: 'Max Member' }),
      createPerson({ name: 'Rita Removed' }),
      createPerson({ name: 'Olive Owner' }),
    ]);
    const organization = await createOrganization(
      [
        [owner, 'owner'],
        [member, 'member'],
        [leaver, 'member'],
      ],
      { name: 'Rocket Co' },
    );
    await signIn(page.context(), owner);

    await page.goto(`/dashboard/${organization.slug}/members`);
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
    await expect(page.getByTestId('members').getByRole('columnheader')).toHaveText([
      'Member',
      'Email',
      'Role',
      'Joined',
      'Actions',
    ]);
    await expect(memberRow(page, member).getByRole('cell').nth(1)).toContainText('Member');
    await waitForHydration(page, '[data-testid="invite-members"]');

    // A role change from the row's menu, among the roles the owner may give; the focus comes back to the menu.
    await chooseInRowMenu(page, member, 'Change role');
    const roleDialog = page.getByRole('dialog', { name: 'Change the role of Max Member' });
    await expect(roleDialog.getByLabel('Role of Max Member').locator('option')).toHaveText([
      'Owner',
      'Admin',
      'Member',
    ]);
    await roleDialog.getByLabel('Role of Max Member').selectOption('admin');
    await roleDialog.getByRole('button', { name: 'Change role' }).click();
    await expect(page.getByText('Max Member’s role is now Admin.', { exact: true })).toBeVisible();
    await expect(roleDialog).toBeHidden();
    expect(await roleOf(organization.id, member)).toBe('admin');
    await expect(memberRow(page, member).getByRole('cell').nth(1)).toHaveText('Admin');
    await expect(memberRow(page, member).getByRole('button', { name: 'Actions for Max Member' })).toBeFocused();
    // Nobody gets controls over themselves.
    await expect(memberRow(page, owner).getByRole('button')).toHaveCount(0);

    // Removal from the row's menu, after a confirmation (which also makes room on the free plan's three seats).
    await chooseInRowMenu(page, leaver, 'Remove from organization');
    const confirm = page.getByRole('alertdialog', { name: 'Remove Rita Removed?' });
    await confirm.getByRole('button', { name: 'Remove member' }).click();
    await expect(page.getByText('Rita Removed was removed from the organization.', { exact: true })).toBeVisible();
    await expect(memberRow(page, leaver)).toHaveCount(0);
    expect(await roleOf(organization.id, leaver)).toBeUndefined();

    // The Invite button opens the dialog. Several addresses at once; one of them already belongs: the field says
    // which, nothing is sent, the dialog stays open.
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    const invite = page.getByRole('dialog', { name: 'Invite members' });
    await expect(invite.getByLabel('Email addresses')).toBeFocused();
    const newcomer = uniqueEmail('newcomer');
    await invite.getByLabel('Email addresses').fill(`${member.email}\n${newcomer}`);
    await invite.getByRole('button', { name: 'Send invitations' }).click();
    await expect(invite.getByText(`${member.email} is already a member of this organization.`)).toBeVisible();
    await expect(invite.getByLabel('Email addresses')).toHaveAttribute('aria-invalid', 'true');
    await invite.getByLabel('Email addresses').fill(newcomer);
    await invite.getByRole('button', { name: 'Send invitations' }).click();
    await expect(page.getByText('Invitation sent.', { exact: true })).toBeVisible();
    // Sent: the dialog closes and the pending table lists the invitation.
    await expect(invite).toBeHidden();
    await expect(page.getByTestId('invitations').locator(`tr[data-invitation="${newcomer}"]`)).toBeVisible();

    // The only owner cannot leave: the danger zone, at the bottom of the settings, says why in the dialog.
    await page.goto(`/dashboard/${organization.slug}/settings`);
    await waitForForms(page);
    const danger = page.getByRole('region', { name: 'Danger zone' });
    const general = page.getByRole('heading', { level: 2, name: 'General' });
    expect((await danger.boundingBox())!.y).toBeGreaterThan((await general.boundingBox())!.y);
    await expect(danger.getByRole('heading', { level: 3 })).toHaveText([
      'Transfer ownership',
      'Leave organization',
      'Delete organization',
    ]);
    await danger.getByRole('button', { name: 'Leave organization' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Leave', exact: true }).click();
    await expect(page.getByRole('alertdialog').getByText('You are the only owner.', { exact: false })).toBeVisible();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await roleOf(organization.id, owner)).toBe('owner');

    // A new address moves the settings page to it.
    const renamed = `${organization.slug}-new`;
    await page.getByLabel('Address').fill(renamed);
    await expect(page.getByTestId('slug-preview')).toHaveText(new RegExp(`/dashboard/${renamed}$`));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard/${renamed}/settings$`));
    await expect(page.getByLabel('Address')).toHaveValue(renamed);

    // Ownership from the row's menu: the member is already chosen; the owner confirms with the password.
    await page.goto(`/dashboard/${renamed}/members`);
    await waitForHydration(page, '[data-testid="invite-members"]');
    await chooseInRowMenu(page, member, 'Transfer ownership');
    const transfer = page.getByRole('dialog', { name: 'Transfer ownership of Rocket Co' });
    await expect(transfer.getByLabel('New owner')).toHaveValue(await memberIdOf(organization.id, member));
    await transfer.getByLabel('Your password').fill(owner.password);
    await transfer.getByRole('button', { name: 'Transfer ownership' }).click();
    await expect(page.getByText('Max Member is now an owner.', { exact: true })).toBeVisible();
    expect([await roleOf(organization.id, member), await roleOf(organization.id, owner)]).toEqual(['owner', 'admin']);
  });

  test('a member sees the members table but no menus, and the settings read-only with only Leave', async ({ page }) => {
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
    await expect(page.getByTestId('members').locator('tr[data-member]')).toHaveCount(2);
    await expect(memberRow(page, owner).getByRole('cell').getByText('Owner', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Invite', exact: true })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Pending invitations' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Actions for/ })).toHaveCount(0);
    await expect(page.getByTestId('members').getByRole('columnheader', { name: 'Actions' })).toHaveCount(0);

    await page.goto(`/dashboard/${organization.slug}/settings`);
    await expect(page.getByText('Your role does not allow changing these.')).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    const danger = page.getByRole('region', { name: 'Danger zone' });
    await expect(danger.getByRole('button')).toHaveText(['Leave organization']);
  });

  test('both pages fit a phone and pass axe in light and dark, for the owner, with the dialogs open', async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const [owner, member] = await Promise.all([
      createPerson({ name: 'Olive Owner' }),
      createPerson({ name: 'Maximiliana Longname-Member', email: uniqueEmail('a-rather-long-address') }),
    ]);
    const organization = await createOrganization(
      [
        [owner, 'owner'],
        [member, 'member'],
      ],
      { name: 'Axe Co' },
    );
    await signIn(context, owner);
    await queryDatabase(
      `insert into invitations (organization_id, email, role, token_hash, expires_at) values ($1, $2, 'member', md5(random()::text), now() - interval '1 day')`,
      [organization.id, uniqueEmail('expired')],
    );
    await page.setViewportSize({ width: 375, height: 740 });
    await context.addCookies([{ name: 'keel-theme', value: 'light', url: baseURL! }]);
    for (const section of ['members', 'settings']) {
      await page.goto(`/dashboard/${organization.slug}/${section}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect({ section, overflow }).toEqual({ section, overflow: 0 });
      await expectNoSeriousA11yViolationsInBothThemes(page);
    }
    // The dialogs, opened from the page as loaded in each theme.
    for (const theme of ['light', 'dark'] as const) {
      await context.addCookies([{ name: 'keel-theme', value: theme, url: baseURL! }]);
      // The tables keep their menus in view on a phone: the secondary columns give way instead of scrolling.
      await page.goto(`/dashboard/${organization.slug}/members`);
      for (const table of ['members', 'invitations']) {
        const sideways = await page
          .getByTestId(table)
          .evaluate((element) => element.parentElement!.scrollWidth - element.parentElement!.clientWidth);
        expect({ table, theme, sideways }).toEqual({ table, theme, sideways: 0 });
      }
      // The role under the name, beside the date, as in the invitations table.
      await expect(page.getByTestId('members').getByRole('columnheader')).toHaveText(['Member', 'Actions']);
      await expect(memberRow(page, member).getByRole('rowheader').locator('[data-role="member"]')).toBeVisible();
      await waitForHydration(page, '[data-testid="invite-members"]');
      await page.getByRole('button', { name: 'Invite', exact: true }).click();
      await expect(page.getByRole('dialog', { name: 'Invite members' })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
      await expect(page.getByRole('button', { name: 'Invite', exact: true })).toBeFocused();
      await chooseInRowMenu(page, member, 'Change role');
      await expect(page.getByRole('dialog', { name: `Change the role of ${member.name}` })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    }
  });
});
