import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import pg from 'pg';
import { e2eBaseUrl, e2eDatabaseUrl } from '../../playwright.config';

/** Runs a query against the database of the server under test. */
export async function queryDatabase<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Opens a dropdown menu by its trigger's test id. A click that lands before
 * React has hydrated the page does nothing, so it is retried until the menu
 * shows (as a user would click again).
 */
export async function openMenu(page: Page, testId: string) {
  await waitForHydration(page, `[data-testid="${testId}"]`);
  await expect(async () => {
    if (!(await page.getByRole('menu').isVisible())) await page.getByTestId(testId).click();
    await expect(page.getByRole('menu')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

/** Waits until React has hydrated the element (it then carries React's internal keys), so clicks do what they do for users. */
export async function waitForHydration(page: Page, selector = 'main') {
  await page.waitForFunction(
    (target) => {
      const element = document.querySelector(target);
      return Boolean(element && Object.keys(element).some((key) => key.startsWith('__reactFiber')));
    },
    selector,
  );
}

/** Runs axe on the page as it is and expects no serious or critical violation (WCAG 2.1 A/AA and best practices). */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, targets: violation.nodes.map((node) => node.target.join(' ')) }));
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

/** The password the e2e accounts are created with (long enough, not a common one). */
export const E2E_PASSWORD = 'correct horse battery staple';

/** An address nobody else in the run uses. */
export function uniqueEmail(prefix = 'e2e') {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/**
 * The first link of the latest email to `to` in the dev mailbox (the e2e
 * server has no SMTP), waiting for it to arrive. `after` skips older emails.
 */
export async function emailedLink(to: string, after = new Date(0)): Promise<string> {
  let link: string | undefined;
  await expect(async () => {
    const [message] = await queryDatabase<{ text: string }>(
      'select text from dev_mailbox_messages where "to" ? $1 and created_at > $2 order by created_at desc limit 1',
      [to, after],
    );
    link = message?.text.match(/https?:\/\/[^\s)\]]+/)?.[0];
    expect(link, `an email with a link to ${to}`).toBeTruthy();
  }).toPass({ timeout: 10_000 });
  return link!;
}

/** On the page of an emailed confirmation link: the password confirms the address and signs in. */
export async function confirmEmailOnPage(page: Page, password: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your email address');
  await waitForHydration(page, 'form');
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Confirm and sign in' }).click();
}

let clientsSoFar = Math.floor(Math.random() * 200);

/**
 * Headers that make a browser context look like a person somewhere else (an
 * address of the TEST-NET ranges, RFC 5737). Per-address limits (10 sign-ups
 * an hour) count each such context apart from the others, as they would for
 * people on different networks: the e2e server trusts one proxy
 * (TRUST_PROXY=1 in playwright.config.ts), whose part this header plays.
 */
export function anotherNetwork(): Record<string, string> {
  const n = clientsSoFar++ % 254;
  return { 'x-forwarded-for': `203.0.113.${n + 1}` };
}

/** A slug nobody else in the run uses. */
export function uniqueSlug(prefix = 'team') {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Signs up through the pages, as a person would: the sign-up form, the
 * confirmation link from the dev mailbox (its page takes the password, which
 * confirms the address and signs in) and onboarding's name step. The page ends
 * on onboarding's organization step, signed in, or — given `organization` —
 * on that new organization's dashboard. English UI.
 */
export async function signUpThroughUi(
  page: Page,
  { email, name, password = E2E_PASSWORD, organization }: { email: string; name: string; password?: string; organization?: { name: string; slug: string } },
) {
  await page.goto('/auth/sign-up');
  await waitForHydration(page, 'form');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/auth\/verify-email\?/);
  await page.goto(await emailedLink(email));
  await confirmEmailOnPage(page, password);
  await expect(page).toHaveURL(/\/onboarding/);
  await waitForHydration(page, 'form');
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/onboarding\/organization$/);
  if (organization) await createOrganizationThroughUi(page, organization);
}

/** On onboarding's organization step: creates the organization, skips inviting, and ends on its dashboard. */
export async function createOrganizationThroughUi(page: Page, { name, slug }: { name: string; slug: string }) {
  await waitForHydration(page, 'form');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Web address').fill(slug);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page).toHaveURL(new RegExp(`/onboarding/invite\\?organization=${slug}$`));
  await page.getByRole('link', { name: 'Skip for now' }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}$`));
}

/**
 * An account made through the pages in a browser context of its own (so the
 * caller's language, theme and cookies do not matter), with an organization
 * of its own (its owner), signed out of nothing: the caller signs in as it
 * likes. Returns its credentials, its organization and that context's session cookie.
 */
export async function createAccount(browser: Browser, { name = 'Ada Lovelace', email = uniqueEmail() }: { name?: string; email?: string } = {}) {
  const context = await browser.newContext({ baseURL: e2eBaseUrl, locale: 'en-US', extraHTTPHeaders: anotherNetwork() });
  const organization = { name: `${name.split(' ')[0]}'s team`, slug: uniqueSlug() };
  try {
    await signUpThroughUi(await context.newPage(), { email, name, organization });
    const session = (await context.cookies()).filter((cookie) => cookie.name.endsWith('keel.session_token'));
    expect(session).toHaveLength(1);
    return { email, name, password: E2E_PASSWORD, organization, session };
  } finally {
    await context.close();
  }
}

let member: ReturnType<typeof createAccount> | undefined;

/**
 * The member account shared by the specs of a worker, created on first use.
 * Sign in with its password as often as you like; never sign it out, reset
 * its password or change it otherwise (specs about that make their own
 * accounts with createAccount).
 */
export function memberAccount(browser: Browser) {
  member ??= createAccount(browser, { name: 'Grace Hopper' });
  return member;
}

/** Signs `context` in as the shared member (verified and onboarded), for specs about the application's pages. */
export async function signInAsMember(context: BrowserContext) {
  const account = await memberAccount(context.browser()!);
  await context.addCookies(account.session);
  return account;
}
