import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import pg from 'pg';
import { e2eDatabaseUrl } from '../../playwright.config';

/** A few connections per worker to the database of the server under test (let go when idle). */
const pool = new pg.Pool({ connectionString: e2eDatabaseUrl, max: 3, allowExitOnIdle: true });

/** Runs a query against the database of the server under test. */
export async function queryDatabase<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await pool.query<T>(text, values)).rows;
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

/** The page's JavaScript files (Next's chunks). */
const PAGE_SCRIPTS = /\/_next\/static\/.+\.js(\?|$)/;

/**
 * Holds back the page's scripts (only they: the HTML and CSS load, so the server's page is painted and can be
 * typed into) until the returned function lets them through, as on a slow connection. Each call holds the next
 * page's scripts afresh.
 */
export async function holdScripts(page: Page) {
  await page.unroute(PAGE_SCRIPTS);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(PAGE_SCRIPTS, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * Waits until React has hydrated the element (it then carries React's internal keys), so clicks do what they do for
 * users.
 */
export async function waitForHydration(page: Page, selector = 'main') {
  await page.waitForFunction((target) => {
    const element = document.querySelector(target);
    return Boolean(element && Object.keys(element).some((key) => key.startsWith('__reactFiber')));
  }, selector);
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

function seriousViolations(results: AxeResults) {
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, targets: violation.nodes.map((node) => node.target.join(' ')) }));
}

/**
 * Runs axe on the page as it is and expects no serious or critical violation (WCAG 2.1 A/AA and best practices).
 * In axe's legacy mode: `axe.run` in the page, frames included. The default mode opens a second page for every
 * scan to merge the results of cross-origin frames, which Keel's pages do not have, and took twice as long.
 */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
  expect(seriousViolations(results), `axe on ${page.url()}`).toEqual([]);
}

/**
 * Axe on a page loaded in the light theme, then on the same page switched to dark in place, as the theme menu
 * switches it (the `dark` class on <html>; transitions off, so axe reads the final colors). The theme's own
 * rendering from the cookie, without a frame of the wrong one, is tests/e2e/theme.spec.ts's subject; here one
 * load serves both scans.
 */
export async function expectNoSeriousA11yViolationsInBothThemes(page: Page) {
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
  await expectNoSeriousA11yViolations(page);
  await page.evaluate(() => {
    const still = document.createElement('style');
    still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
    document.head.append(still);
    document.documentElement.classList.add('dark');
    document.documentElement.dataset.theme = 'dark';
  });
  // axe is in the page since the first scan.
  const dark = await page.evaluate(
    (values) =>
      (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(
        document,
        { runOnly: { type: 'tag', values } },
      ),
    AXE_TAGS,
  );
  expect(seriousViolations(dark), `axe on ${page.url()} in the dark theme`).toEqual([]);
}

/** The password the e2e accounts are created with (long enough, not a common one). */
export const E2E_PASSWORD = 'correct horse battery staple';

/** An address nobody else in the run uses. */
export function uniqueEmail(prefix = 'e2e') {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/**
 * The first link of the latest email to `to` in the dev mailbox (the e2e
 * server has no SMTP), waiting for it to arrive. `after` skips older emails;
 * `subject` keeps those whose subject contains it.
 */
export async function emailedLink(
  to: string,
  { after = new Date(0), subject = '' }: { after?: Date; subject?: string } = {},
): Promise<string> {
  let link: string | undefined;
  await expect(async () => {
    const [message] = await queryDatabase<{ text: string }>(
      `select text from dev_mailbox_messages where "to" ? $1 and created_at > $2 and subject like '%' || $3 || '%'
       order by created_at desc limit 1`,
      [to, after, subject],
    );
    link = message?.text.match(/https?:\/\/[^\s)\]]+/)?.[0];
    expect(link, `an email with a link to ${to}`).toBeTruthy();
  }).toPass({ timeout: 10_000 });
  return link!;
}

/** Fills and sends the password sign-in form of the current page. With two-factor on, this stops at the code page. */
export async function fillSignInForm(page: Page, { email, password }: { email: string; password: string }) {
  await waitForHydration(page, 'form');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in through /auth/sign-in (for specs about signing in: the others start signed in, see fixtures.ts). */
export async function signInThroughUi(page: Page, person: { email: string; password: string }) {
  await page.goto('/auth/sign-in');
  await fillSignInForm(page, person);
}

/** On the page of an emailed confirmation link: the password confirms the address and signs in. */
export async function confirmEmailOnPage(page: Page, password: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your email address');
  await waitForHydration(page, 'form');
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Confirm and sign in' }).click();
}

/**
 * The documentation ranges (RFC 5737): one per parallel worker, so specs running side by side never share a
 * per-address limit; a worker started again after a failure goes on further along its range.
 */
const TEST_NETS = ['203.0.113', '198.51.100', '192.0.2'];
const net = TEST_NETS[Number(process.env.TEST_PARALLEL_INDEX ?? 0) % TEST_NETS.length];
let clientsSoFar = Number(process.env.TEST_WORKER_INDEX ?? 0) * 40;

/**
 * Headers that make a browser context look like a person somewhere else (an
 * address of the TEST-NET ranges, RFC 5737). Per-address limits (10 sign-ups
 * an hour) count each such context apart from the others, as they would for
 * people on different networks: the e2e server trusts one proxy
 * (TRUST_PROXY=1 in playwright.config.ts), whose part this header plays.
 */
export function anotherNetwork(): Record<string, string> {
  const n = clientsSoFar++ % 254;
  return { 'x-forwarded-for': `${net}.${n + 1}` };
}

/** A slug nobody else in the run uses. */
export function uniqueSlug(prefix = 'team') {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Every script the page has loaded so far (those of its HTML and the chunks loaded on demand), by their text. */
export async function loadedScripts(page: Page): Promise<{ url: string; text: string }[]> {
  const urls = await page.evaluate(() =>
    [
      ...Array.from(document.scripts, (script) => script.src),
      ...performance.getEntriesByType('resource').map((entry) => entry.name),
    ].filter((url) => /\.js(\?|$)/.test(url)),
  );
  return Promise.all(
    [...new Set(urls)].map(async (url) => ({ url, text: await (await page.request.get(url)).text() })),
  );
}
