import type { Locator, Page } from '@playwright/test';
import { e2eBaseUrl } from '../../playwright.config';
import { MAILBOX_FRAME_SANDBOX, mailboxFrameDocument } from '../../src/platform/email/mailbox-frame';
import { createAccount, createOrganization, createPerson, expect, signIn, test } from './fixtures';
import {
  confirmEmailOnPage,
  E2E_PASSWORD,
  emailedLink,
  holdScripts,
  queryDatabase,
  uniqueEmail,
  waitForHydration,
} from './support';

/*
 * What stopped a newcomer trying Keel (issue 18): the dev mailbox's links,
 * account settings that forgot the organization, the 404 of a missing task,
 * what was typed before JavaScript loaded, the invitation journey, toasts.
 */

// Several pages and a sign-up or two per test, on a shared 2-core machine.
test.beforeEach(() => test.slow());

test('a link in a mailbox email opens in the tab from its sandboxed frame, and confirms the address', async ({
  page,
}) => {
  const email = uniqueEmail('mailbox');
  await page.goto('/auth/sign-up');
  await waitForHydration(page, 'form');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/auth\/verify-email/);
  await emailedLink(email);
  const [message] = await queryDatabase<{ html: string }>(
    `select html from dev_mailbox_messages where "to" ? $1 order by created_at desc limit 1`,
    [email],
  );
  // The production build has no /dev/mailbox (it answers 404): the frame is built as that page builds it,
  // on a document of the app's origin with no script of its own (a page of the app would go on hydrating
  // into the document setContent replaces), with its sandbox and document.
  await page.goto('/robots.txt');
  await page.setContent(`<iframe title="Email" sandbox="${MAILBOX_FRAME_SANDBOX}" style="width:800px;height:600px">`);
  const frameDocument = mailboxFrameDocument(message!.html);
  await page.locator('iframe').evaluate((frame, html) => ((frame as HTMLIFrameElement).srcdoc = html), frameDocument);
  await page.frameLocator('iframe').getByRole('link', { name: 'Confirm my email' }).click();
  await expect(page).toHaveURL(/\/auth\/confirm-email\?token=/);
  await confirmEmailOnPage(page, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/onboarding/);
  const [user] = await queryDatabase<{ email_verified: boolean }>('select email_verified from users where email = $1', [
    email,
  ]);
  expect(user?.email_verified).toBe(true);
});

test('account settings keep the organization the user came from, with its navigation', async ({ page }) => {
  const person = await createPerson({ name: 'Sol Settings' });
  await createOrganization([[person, 'owner']], { name: 'First Team' });
  const second = await createOrganization([[person, 'member']], { name: 'Second Team' });
  await signIn(page.context(), person);
  await page.goto(`/dashboard/${second.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Second Team', { timeout: 15_000 });
  await page.goto('/settings/profile');
  const sidebar = page.getByRole('complementary', { name: 'Application' });
  await expect(sidebar.getByTestId('organization-switcher')).toContainText('Second Team');
  await expect(sidebar.getByRole('link', { name: 'Tasks' })).toHaveAttribute('href', `/dashboard/${second.slug}/tasks`);
  await expect(sidebar).not.toContainText('Choose an organization');
});

test('a missing task is an in-app page with the way back to Tasks', async ({ page, account }) => {
  await signIn(page.context(), account);
  const slug = account.organization.slug;
  const response = await page.goto(`/dashboard/${slug}/tasks/${crypto.randomUUID()}`);
  expect(response?.status()).toBe(404);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('This task does not exist or was deleted', {
    timeout: 15_000,
  });
  // The app's shell, not the site's 404: no second logo, no way out to the marketing site, nothing to scroll.
  await expect(page.getByRole('complementary', { name: 'Application' })).toBeVisible();
  await expect(main.getByText('Back to the home page')).toHaveCount(0);
  await expect(main.getByRole('img')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
  await waitForHydration(page);
  await main.getByRole('link', { name: 'Back to Tasks' }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}/tasks$`));
});

/** Marks the fields so that, after hydration, the test can tell they are the ones typed into (not new ones). */
async function markFields(page: Page, form: Locator) {
  // Not hydrated yet: React has not touched the form.
  expect(await form.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__react')))).toBe(false);
  await form.evaluate((element) => {
    for (const field of element.querySelectorAll('input')) (field as HTMLInputElement & { typed?: true }).typed = true;
  });
}

/** Hydrated, and settled: the fields' renders after hydration (where a lost value would be written) are over. */
async function hydrated(page: Page, form: Locator) {
  await expect
    .poll(() => form.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactFiber'))))
    .toBe(true);
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 500))));
  // The same elements: React hydrated them rather than rendering new ones.
  expect(
    await form.evaluate((element) => [...element.querySelectorAll('input')].every((field) => 'typed' in field)),
  ).toBe(true);
}

test('what is typed into the sign-in form before its JavaScript runs is kept, and signs in', async ({ page }) => {
  const person = await createAccount();
  const releaseScripts = await holdScripts(page);
  await page.goto('/auth/sign-in', { waitUntil: 'domcontentloaded' });
  const email = page.getByLabel('Email');
  const password = page.getByLabel('Password', { exact: true });
  const form = page.locator('form', { has: password });
  await email.fill(person.email);
  await password.fill(person.password);
  await markFields(page, form);
  releaseScripts();
  await hydrated(page, form);
  await expect(email).toHaveValue(person.email);
  await expect(password).toHaveValue(person.password);
  // The form holds the values too (not only the fields): signing in now uses them.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
});

test('every form keeps what was typed before its JavaScript ran: a settings field typed over, then saved', async ({
  page,
  account,
}) => {
  const releaseScripts = await holdScripts(page);
  await page.goto('/settings/profile', { waitUntil: 'domcontentloaded' });
  const name = page.getByLabel('Full name');
  const form = page.locator('form', { has: name });
  await expect(name).not.toHaveValue('');
  // Over the name the server rendered into the field (the form's default value), not into an empty field.
  await name.fill('Quick Typist');
  await markFields(page, form);
  releaseScripts();
  await hydrated(page, form);
  await expect(name).toHaveValue('Quick Typist');
  await form.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('Your name was saved.', { exact: true })).toBeVisible();
  const [user] = await queryDatabase<{ name: string }>('select name from users where email = $1', [account.email]);
  expect(user?.name).toBe('Quick Typist');
});

test('the picture and logo fields show their button, not a bare file input, before JavaScript loads', async ({
  page,
  account,
}) => {
  for (const [path, upload] of [
    ['/settings/profile', 'Upload a picture'],
    [`/dashboard/${account.organization.slug}/settings`, 'Upload a logo'],
  ] as const) {
    const releaseScripts = await holdScripts(page);
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    const button = page.locator('label', { hasText: upload });
    await expect(button).toBeVisible();
    const file = button.locator('input[type="file"]');
    const bare = () =>
      file.evaluate((input) => {
        const box = input.getBoundingClientRect();
        return { width: box.width, height: box.height, clip: getComputedStyle(input).clipPath };
      });
    // Not hydrated yet, and the file input is already visually hidden inside its button (no "Choose File").
    expect(await file.evaluate((input) => Object.keys(input).some((key) => key.startsWith('__react')))).toBe(false);
    const before = await bare();
    expect(before.width * before.height, `${path}: ${JSON.stringify(before)}`).toBeLessThanOrEqual(1);
    const size = async () => {
      const box = (await button.boundingBox())!;
      return { width: box.width, height: box.height };
    };
    const buttonBefore = await size();
    releaseScripts();
    await waitForHydration(page, 'input[type="file"]');
    expect(await bare()).toEqual(before);
    expect(await size()).toEqual(buttonBefore);
  }
});

test('/favicon.ico answers with an icon', async ({ request }) => {
  const response = await request.get('/favicon.ico');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/icon/);
  expect([...(await response.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  expect((await request.get('/icon')).status()).toBe(200);
});

test('invited by email: from the email to "You joined" in one step, with one email', async ({ page, browser }) => {
  const owner = await createAccount({ name: 'Olga Owner', organization: { name: 'Acme Invites' } });
  await signIn(page.context(), owner);
  await page.goto(`/onboarding/invite?organization=${owner.organization.slug}`);
  await waitForHydration(page, 'form');
  const invitee = uniqueEmail('joiner');
  await page.getByLabel('Email addresses').fill(invitee);
  await page.getByRole('button', { name: 'Send invitations' }).click();
  const link = await emailedLink(invitee, { subject: 'Acme Invites' });

  const context = await browser.newContext({ baseURL: e2eBaseUrl, locale: 'en-US' });
  const guest = await context.newPage();
  await guest.goto(link);
  await waitForHydration(guest, 'form');
  await expect(guest.getByLabel('Email')).toHaveValue(invitee);
  await guest.getByLabel('Your name').fill('Jo Joiner');
  await guest.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
  await guest.getByRole('button', { name: 'Create account and join' }).click();
  await expect(guest).toHaveURL(new RegExp(`/dashboard/${owner.organization.slug}\\?notice=joined`));
  await expect(guest.getByTestId('organization-notice')).toHaveText('You joined Acme Invites. Welcome!');
  const emails = await queryDatabase('select subject from dev_mailbox_messages where "to" ? $1', [invitee]);
  expect(emails).toHaveLength(1);
  await context.close();
});

test('saving preferences again and again leaves one toast, in the language chosen last', async ({ page, account }) => {
  await signIn(page.context(), account);
  await page.goto('/settings/preferences');
  await waitForHydration(page, 'form');
  const steps: [string, string][] = [
    ['Español', 'Save preferences'],
    ['Oscuro', 'Guardar preferencias'],
    ['English', 'Guardar preferencias'],
    ['Light', 'Save preferences'],
  ];
  for (const [choice, save] of steps) {
    await page.getByText(choice, { exact: true }).click();
    await page.getByRole('button', { name: save }).click();
    await expect(page.getByRole('button', { name: /Save preferences|Guardar preferencias/ })).toBeEnabled();
    await expect(page.locator('li[data-state="open"]')).toHaveCount(1);
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('li[data-state="open"]')).toHaveCount(1);
  await expect(page.locator('li[data-state="open"]')).toContainText('Your preferences were saved.');
});
