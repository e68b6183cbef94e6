import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, openMenu, waitForHydration } from './support';

/**
 * The documentation site (/docs, docs/content/writing-docs-pages.md): the guides in docs/ rendered at build
 * time, navigated by the sidebar and previous/next, searched offline, in Spanish with the English fallback.
 */

async function expectGuide(page: Page, title: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

test('the docs open on the index and are navigated by the sidebar and previous/next', async ({ page }) => {
  const response = await page.goto('/docs');
  expect(response?.status()).toBe(200);
  await expectGuide(page, 'Keel documentation');
  const sidebar = page.getByRole('navigation', { name: 'Guides' });

  // A section folds open and leads to its guides, in docs/README.md's order.
  await sidebar.getByText('Billing', { exact: true }).click();
  await sidebar.getByRole('link', { name: 'Setting up Stripe' }).click();
  await expect(page).toHaveURL(/\/docs\/billing\/stripe$/);
  await expectGuide(page, 'Setting up Stripe');
  await expect(sidebar.getByRole('link', { name: 'Setting up Stripe' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Billing');
  await expect(page.getByRole('link', { name: 'Edit this page' })).toHaveAttribute(
    'href',
    /\/edit\/main\/docs\/billing\/stripe\.md$/,
  );

  const pagination = page.getByRole('navigation', { name: 'More guides' });
  await pagination.getByRole('link', { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/docs\/billing\/lemon-squeezy$/);
  await pagination.getByRole('link', { name: /Previous/ }).click();
  await expect(page).toHaveURL(/\/docs\/billing\/stripe$/);

  // A link written between guides as a relative .md path lands on the guide's page.
  const guideLink = page.locator('article a[href^="/docs/billing/webhooks"]').first();
  await guideLink.click();
  await expect(page).toHaveURL(/\/docs\/billing\/webhooks(#.*)?$/);
  await expectGuide(page, 'How billing webhooks are processed');

  // The table of contents links to the page's own headings.
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const firstHeading = toc.getByRole('link').first();
  const anchor = await firstHeading.getAttribute('href');
  await firstHeading.click();
  await expect(page.locator(`[id="${anchor!.slice(1)}"]`)).toBeInViewport();
});

test('search finds a guide by a word of its body and opens it, with no request beyond the site', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/docs');
  await waitForHydration(page, 'header');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the documentation' });
  await expect(dialog).toBeVisible();
  // "graphile" appears in the job queue guide's text, not in its title.
  await dialog.getByRole('combobox', { name: 'Search the guides' }).fill('graphile');
  const result = dialog.getByRole('option', { name: /The job queue/ });
  await expect(result).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Search the docs' }).click();
  await dialog.getByRole('combobox', { name: 'Search the guides' }).fill('graphile');
  await dialog.getByRole('option', { name: /The job queue/ }).click();
  await expect(page).toHaveURL(/\/docs\/billing\/job-queue$/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('The job queue');

  expect(requests.filter((url) => !url.startsWith(baseURL!))).toEqual([]);
  expect(requests.filter((url) => url.endsWith('/docs/search-index'))).toHaveLength(1);
});

test('a guide not translated yet shows in English on the Spanish site, with a note', async ({ page }) => {
  await page.goto('/es/docs/billing/stripe');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('not-translated')).toHaveText('Esta guía aún no está traducida: se muestra en inglés.');
  await expect(page.locator('article')).toHaveAttribute('lang', 'en');
  await expectGuide(page, 'Setting up Stripe');
  // Its links, sidebar and previous/next stay on the Spanish site.
  await expect(page.getByRole('navigation', { name: 'Guías' }).getByRole('link').first()).toHaveAttribute(
    'href',
    '/es/docs',
  );
  await expect(page.locator('article a[href^="/docs/"]')).toHaveCount(0);
  await openMenu(page, 'language-switcher');
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/docs\/billing\/stripe$/);
  await expect(page.getByTestId('not-translated')).toHaveCount(0);
});

for (const [width, height] of [
  [1280, 800],
  [375, 740],
] as const) {
  test(`axe finds no serious accessibility violation on a docs page at ${width} px, light and dark`, async ({
    page,
    context,
    baseURL,
  }) => {
    // axe over a long guide (tables, highlighted code) takes a while on a busy two-core runner.
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    for (const theme of ['light', 'dark'] as const) {
      await test.step(`${theme} theme`, async () => {
        await context.addCookies([{ name: 'keel-theme', value: theme, url: baseURL! }]);
        await page.goto('/docs/content/writing-docs-pages');
        await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
        await expectNoSeriousA11yViolations(page);
        // Kept with the test's results, to look at: test-results/<test>/docs-<theme>.png
        await page.screenshot({ path: test.info().outputPath(`docs-${theme}.png`) });
        if (width === 375) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, 'no horizontal scroll at 375 px').toBeLessThanOrEqual(0);
        }
      });
    }
  });
}
