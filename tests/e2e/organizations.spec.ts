import type { Page } from '@playwright/test';
import { e2eBaseUrl } from '../../playwright.config';
import { createAccount, expect, signIn, test } from './fixtures';
import {
  E2E_PASSWORD,
  anotherNetwork,
  emailedLink,
  expectNoSeriousA11yViolations,
  expectNoSeriousA11yViolationsInBothThemes,
  queryDatabase,
  uniqueEmail,
  waitForHydration,
} from './support';

/** Matches a URL ending with `path` (written as is, not as a pattern). */
function endingWith(path: string) {
  return new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** The switcher at the top of the sidebar (desktop). */
function switcher(page: Page) {
  return page.getByRole('complementary', { name: 'Application' }).getByTestId('organization-switcher');
}

/**
 * Invites `email` from onboarding's invite step of `slug` (the owner's page is open), and returns the emailed /join
 * path.
 */
async function invite(page: Page, slug: string, email: string, role: 'Admin' | 'Member') {
  await page.goto(`/onboarding/invite?organization=${slug}`);
  await waitForHydration(page, 'form');
  await page.getByLabel('Email addresses').fill(email);
  await page.getByLabel(new RegExp(`^${role}`)).check();
  await page.getByRole('button', { name: 'Send invitations' }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}\\?notice=invitations-sent$`));
  await expect(page.getByTestId('organization-notice')).toContainText('Invitations sent.');
  const link = new URL(await emailedLink(email));
  return `${link.pathname}${link.search}`;
}

test('an emailed invitation: sign up and join in one form; a member cannot invite until promoted to admin', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const owner = await createAccount({ name: 'Olive Owner' });
  await signIn(page.context(), owner);
  const email = uniqueEmail('invitee');
  const join = await invite(page, owner.organization.slug, email, 'Member');
  expect(join).toMatch(/^\/join\?token=/);

  const visitor = await browser.newContext({
    baseURL: e2eBaseUrl,
    locale: 'en-US',
    extraHTTPHeaders: anotherNetwork(),
  });
  const invitee = await visitor.newPage();
  // Signed out, an emailed invitation signs up and joins in one form (decision 0051): the address is fixed.
  await invitee.goto(join);
  await waitForHydration(invitee, 'form');
  await expect(invitee.getByLabel('Email')).toHaveValue(email);
  await expectNoSeriousA11yViolations(invitee);
  await invitee.getByLabel('Your name').fill('Ivy Invitee');
  await invitee.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
  await invitee.getByRole('button', { name: 'Create account and join' }).click();
  await expect(invitee).toHaveURL(new RegExp(`/dashboard/${owner.organization.slug}\\?notice=joined$`));
  expect(await queryDatabase('select status from invitations where email = $1', [email])).toEqual([
    { status: 'accepted' },
  ]);
  // The role is named once, under the organization's name in the sidebar's switcher.
  await expect(switcher(invitee)).toContainText(owner.organization.name);
  await expect(switcher(invitee)).toContainText('Member');

  // As a member: the members page lists people but offers no Invite button.
  await invitee.goto(`/dashboard/${owner.organization.slug}/members`);
  await expect(invitee.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expect(invitee.getByText('Ivy Invitee')).toBeVisible();
  await expect(invitee.getByRole('button', { name: 'Invite', exact: true })).toHaveCount(0);

  // The owner promotes them to admin from their row's menu; the Invite button is theirs on the next visit.
  await page.goto(`/dashboard/${owner.organization.slug}/members`);
  await waitForHydration(page, '[data-testid="invite-members"]');
  await page
    .getByTestId('members')
    .locator(`tr[data-member="${email}"]`)
    .getByRole('button', { name: 'Actions for Ivy Invitee' })
    .click();
  await page.getByRole('menuitem', { name: 'Change role' }).click();
  await page.getByRole('dialog').getByLabel('Role of Ivy Invitee').selectOption('admin');
  await page.getByRole('dialog').getByRole('button', { name: 'Change role' }).click();
  await expect(page.getByText('Ivy Invitee’s role is now Admin.', { exact: true })).toBeVisible();
  await invitee.reload();
  await invitee.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(invitee.getByRole('dialog', { name: 'Invite members' }).getByLabel('Email addresses')).toBeVisible();

  // The link is spent.
  await invitee.goto(join);
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('This invitation was already accepted');
  await visitor.close();

  // The owner is now the only owner of an organization with other members: their account page says so.
  await page.goto('/settings/account');
  await expect(page.getByTestId('sole-owner-notice')).toContainText('You are the only owner of an organization');
  await expect(
    page.getByTestId('sole-owner-notice').getByRole('link', { name: owner.organization.name }),
  ).toHaveAttribute('href', `/dashboard/${owner.organization.slug}/settings`);
});

test('signed in with another address, the invitation says so and signing out comes back to it', async ({ page }) => {
  const owner = await createAccount({ name: 'Otto Owner' });
  await signIn(page.context(), owner);
  const join = await invite(page, owner.organization.slug, uniqueEmail('someone'), 'Member');
  await page.goto(join);
  await expect(page.getByText(`You are signed in as ${owner.email}, but this invitation is for`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept invitation' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await waitForHydration(page, 'form');
  await page.getByRole('button', { name: 'Sign out' }).click();
  // Signed out, the emailed invitation offers its one-form sign-up (decision 0051).
  await expect(page.getByRole('button', { name: 'Create account and join' })).toBeVisible();
  await expect(page).toHaveURL(endingWith(join));

  await page.goto('/join?token=not-a-token-that-exists-anywhere');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This invitation link does not work');
  await expectNoSeriousA11yViolations(page);
});

test('the organization switcher: keyboard, search, create an organization, switch back', async ({ page }) => {
  const account = await createAccount({ name: 'Sam Switcher' });
  await signIn(page.context(), account);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/dashboard');
  await expect(page).toHaveURL(new RegExp(`/dashboard/${account.organization.slug}$`));
  await waitForHydration(page, 'aside');
  const sidebar = page.getByRole('navigation', { name: 'Application' });
  await expect(sidebar.getByRole('link', { name: 'Members' })).toHaveAttribute(
    'href',
    `/dashboard/${account.organization.slug}/members`,
  );

  // Opened from the keyboard; the search field has the focus and the current organization is marked.
  await switcher(page).focus();
  await page.keyboard.press('Enter');
  const list = page.getByRole('dialog', { name: 'Organizations' });
  await expect(list).toBeVisible();
  await expect(list.getByRole('combobox', { name: 'Search organizations' })).toBeFocused();
  await expect(list.getByRole('option', { name: new RegExp(account.organization.name) })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.type('no such team');
  await expect(list.getByText('No organization matches.')).toBeVisible();
  // "Create organization" stays offered whatever the search: arrow to it, Enter.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Create an organization' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Second Crew');
  await expect(dialog.getByLabel('Web address')).toHaveValue('second-crew');
  const slug = `${account.organization.slug}-2`;
  await dialog.getByLabel('Web address').fill(slug);
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Create organization' }).click();

  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}$`));
  await expect(dialog).toBeHidden();
  await expect(switcher(page)).toContainText('Second Crew');
  await expect(sidebar.getByRole('link', { name: 'Members' })).toHaveAttribute('href', `/dashboard/${slug}/members`);

  await switcher(page).click();
  await list.getByRole('option', { name: new RegExp(account.organization.name) }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${account.organization.slug}$`));
  await expect(switcher(page)).toContainText(account.organization.name);
  // /dashboard now opens the organization chosen last.
  await page.goto('/dashboard');
  await expect(page).toHaveURL(new RegExp(`/dashboard/${account.organization.slug}$`));

  // Account pages keep the organization the user came from, with its entries.
  await page.goto('/settings/profile');
  await expect(sidebar.getByRole('link', { name: 'Members' })).toHaveAttribute(
    'href',
    `/dashboard/${account.organization.slug}/members`,
  );
});

test('without JavaScript: invite from onboarding, and accept an invitation with its button', async ({ browser }) => {
  const owner = await createAccount({ name: 'Nora Nojs' });
  const email = uniqueEmail('nojs');
  const ownerContext = await browser.newContext({ baseURL: e2eBaseUrl, javaScriptEnabled: false, locale: 'en-US' });
  await signIn(ownerContext, owner);
  const page = await ownerContext.newPage();
  await page.goto(`/onboarding/invite?organization=${owner.organization.slug}`);
  await page.getByLabel('Email addresses').fill(email);
  await page.getByRole('button', { name: 'Send invitations' }).click();
  await expect(page.getByText('Invitation sent.')).toBeVisible();
  await page.getByRole('link', { name: 'Continue to the dashboard' }).click();
  await expect(page.getByTestId('organization-notice')).toContainText('Invitations sent.');
  const link = new URL(await emailedLink(email));
  await ownerContext.close();

  const invitee = await createAccount({ name: 'Nico Nojs', email });
  const inviteeContext = await browser.newContext({ baseURL: e2eBaseUrl, javaScriptEnabled: false, locale: 'en-US' });
  await signIn(inviteeContext, invitee);
  const join = await inviteeContext.newPage();
  await join.goto(`${link.pathname}${link.search}`);
  await join.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(join).toHaveURL(new RegExp(`/dashboard/${owner.organization.slug}$`));
  await expect(switcher(join)).toContainText('Member');
  await inviteeContext.close();
});

test('an organization is visible to its members only', async ({ page }) => {
  const [owner, stranger] = await Promise.all([
    createAccount({ name: 'Priya Private' }),
    createAccount({ name: 'Stan Stranger' }),
  ]);
  await signIn(page.context(), stranger);
  const response = await page.goto(`/dashboard/${owner.organization.slug}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(owner.organization.name)).toHaveCount(0);
  expect((await page.goto(`/onboarding/invite?organization=${owner.organization.slug}`))?.status()).toBe(404);
});

test.describe('on a 375 px wide phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('organization pages do not scroll sideways and pass axe in light and dark', async ({ page, baseURL }) => {
    const account = await createAccount({ name: 'Pia Phone' });
    await signIn(page.context(), account);
    await page.context().addCookies([{ name: 'keel-theme', value: 'light', url: baseURL! }]);
    for (const path of [
      `/dashboard/${account.organization.slug}`,
      `/onboarding/invite?organization=${account.organization.slug}`,
      '/join?token=not-a-token-that-exists-anywhere',
    ]) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
      await expectNoSeriousA11yViolationsInBothThemes(page);
    }
  });
});
