import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, expectNoSeriousA11yViolationsInBothThemes } from './support';

test('a reader goes from the blog index to a post, one of its tags and its author', async ({ page }) => {
  await page.goto('/blog');
  await expect(page.getByRole('heading', { level: 1, name: 'Blog' })).toBeVisible();
  // Drafts never reach a production build.
  await expect(page.getByTestId('post-card')).toHaveCount(3);
  await expect(page.getByText('What comes next for Keel')).toHaveCount(0);

  await page.getByRole('link', { name: 'Why Keel keeps tenants apart with row-level security' }).click();
  await expect(page).toHaveURL(/\/blog\/why-row-level-security$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Why Keel keeps tenants apart with row-level security',
  );
  await expect(page.getByText(/min read/)).toBeVisible();
  // Code highlighted at build time, and a table of contents whose links land on the headings.
  await expect(page.locator('pre.shiki').first()).toBeVisible();
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await toc.getByRole('link', { name: 'How the tests prove it' }).click();
  await expect(page).toHaveURL(/#how-the-tests-prove-it$/);
  await expect(page.locator('#how-the-tests-prove-it')).toBeInViewport();
  // Article and breadcrumb structured data.
  const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
  const types = jsonLd.map((text) => (JSON.parse(text) as { '@type': string })['@type']);
  expect(types).toEqual(expect.arrayContaining(['BlogPosting', 'BreadcrumbList']));
  // The feed is announced in the head.
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    'href',
    /\/blog\/feed\.xml$/,
  );
  // Previous / next: the older post.
  await expect(page.getByRole('navigation', { name: 'More posts' }).getByRole('link')).toHaveCount(1);

  await page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: '#postgresql' }).click();
  await expect(page).toHaveURL(/\/blog\/tags\/postgresql$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posts tagged “postgresql”');
  await expect(page.getByTestId('post-card')).toHaveCount(2);

  await page.getByRole('link', { name: 'Tests on a real PostgreSQL, with no setup' }).click();
  await page.getByRole('link', { name: 'The Keel maintainers' }).click();
  await expect(page).toHaveURL(/\/blog\/authors\/keel-maintainers$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posts by The Keel maintainers');
  await expect(page.getByTestId('post-card')).toHaveCount(3);
});

test('a Spanish reader gets the translation, or the English post with a note', async ({ page }) => {
  await page.goto('/es/blog/why-row-level-security');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Por qué Keel separa a los clientes con seguridad a nivel de fila',
  );
  await expect(page.getByText('aún no está traducido')).toHaveCount(0);

  await page.goto('/es/blog/one-gateway-three-providers');
  await expect(page.getByText('Este artículo aún no está traducido al español')).toBeVisible();
  await expect(page.locator('article[lang="en"] h1')).toHaveText('One gateway, three payment providers');
  // The untranslated copy names the original as its canonical URL.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    /[^s]\/blog\/one-gateway-three-providers$/,
  );
});

test('a draft is a 404 in production', async ({ page }) => {
  const response = await page.goto('/blog/whats-next');
  expect(response?.status()).toBe(404);
});

test('each language has an Atom feed with absolute links and no drafts', async ({ request }) => {
  const english = await request.get('/blog/feed.xml');
  expect(english.status()).toBe(200);
  expect(english.headers()['content-type']).toContain('application/atom+xml');
  const xml = await english.text();
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  expect(xml.match(/<entry[ >]/g)).toHaveLength(3);
  expect(xml).toMatch(
    /<link rel="alternate" type="text\/html" href="https?:\/\/[^"]+\/blog\/why-row-level-security"\/>/,
  );
  expect(xml).not.toContain('whats-next');

  const spanish = await (await request.get('/es/blog/feed.xml')).text();
  expect(spanish).toContain('<title>Por qué Keel separa a los clientes con seguridad a nivel de fila</title>');
  expect(spanish).toMatch(/href="https?:\/\/[^"]+\/es\/blog\/one-gateway-three-providers"/);
});

test('each post has its own social image, drawn at build time', async ({ request, page }) => {
  await page.goto('/blog/one-gateway-three-providers');
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(image).toMatch(/\/blog\/one-gateway-three-providers\/opengraph-image/);
  const response = await request.get(new URL(image!).pathname + new URL(image!).search);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
});

test('the legal pages are reached from the footer, filled in from the configuration', async ({ page }) => {
  await page.goto('/blog');
  const footer = page.getByRole('navigation', { name: 'Legal' });
  await footer.getByRole('link', { name: 'Privacy policy' }).click();
  await expect(page).toHaveURL(/\/legal\/privacy$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy policy');
  await expect(page.getByRole('main').getByRole('link', { name: 'legal@example.com' }).first()).toHaveAttribute(
    'href',
    'mailto:legal@example.com',
  );
  await expect(page.getByRole('main')).toContainText('Keel');
  await expect(page.getByRole('main')).not.toContainText('<SiteName');

  await page.goto('/legal/terms');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Terms of service');
  await page.goto('/es/legal/cookies');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Política de cookies');
  await expect(page.getByText('Esta página aún no está traducida al español')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'keel-theme', exact: true })).toBeVisible();
});

const scanned = [
  '/blog',
  '/blog/why-row-level-security',
  '/es/blog/one-gateway-three-providers',
  '/blog/tags/security',
  '/blog/authors/keel-maintainers',
  '/legal/privacy',
  '/legal/cookies',
];

for (const path of scanned) {
  test(`axe finds no serious violation on ${path}: light, dark and 375 px`, async ({ page, context, baseURL }) => {
    // Three axe scans: 30 s was too short on a loaded two-core machine.
    test.setTimeout(120_000);
    await test.step('light and dark themes', async () => {
      await context.addCookies([{ name: 'keel-theme', value: 'light', url: baseURL! }]);
      await page.goto(path);
      await expectNoSeriousA11yViolationsInBothThemes(page);
    });
    await test.step('375 px wide', async () => {
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(path);
      await expectNoSeriousA11yViolations(page);
      // Nothing wider than the screen (long code lines scroll inside their block).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}
