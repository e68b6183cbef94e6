import { expect, test } from '@playwright/test';

test('the home page renders with its security headers and no CSP violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
      violations.push(message.text());
  });

  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ship your SaaS on a keel that holds');
  await expect(
    page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contact' }),
  ).toBeVisible();

  const headers = response!.headers();
  // Prerendered (decision 0049): its inline scripts are allowed by their hashes, nothing else inline.
  expect(headers['content-security-policy']).toMatch(/script-src 'self'( 'sha256-[^']+')+(;|$)/);
  expect(headers['content-security-policy']).not.toContain('unsafe-eval');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['strict-transport-security']).toContain('max-age=');
  expect(headers['x-powered-by']).toBeUndefined();
  expect(headers['cache-control']).toBe('public, max-age=0, s-maxage=300');
  expect(headers['x-request-id']).toBeTruthy();

  await page.getByRole('main').getByRole('link', { name: 'See pricing' }).click();
  await expect(page).toHaveURL(/\/pricing$/);
  expect(violations).toEqual([]);
});

test('the public pages carry their language in the URL: /es is Spanish, / the default whatever the browser says', async ({
  browser,
}) => {
  const context = await browser.newContext({
    locale: 'es-ES',
    extraHTTPHeaders: { 'accept-language': 'es-ES,es;q=0.9' },
  });
  const page = await context.newPage();
  await page.goto('/es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lanza tu SaaS sobre una quilla que aguanta');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  // Its links stay in Spanish.
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Contacto' }).click();
  await expect(page).toHaveURL(/\/es\/contact$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contáctanos');

  // The same page for every visitor (a shared cache may keep it): the unprefixed URL is the default language.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ship your SaaS on a keel that holds');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The default language's prefix is not a second address of the same page.
  const prefixed = await page.request.get('/en/contact?from=x', { maxRedirects: 0 });
  expect(prefixed.status()).toBe(308);
  expect(prefixed.headers()['location']).toMatch(/^(http:\/\/[^/]+)?\/contact\?from=x$/);
  await context.close();
});

test('an unknown page answers 404 with the branded page in its HTML, in the language of its URL', async ({
  page,
  request,
}) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  expect((await page.goto('/es/no-such-page'))?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Página no encontrada' })).toBeVisible();
  // In the HTML itself, not only once JavaScript has run (a crawler, a visitor without JavaScript),
  // for unknown URLs of the public site and of the app alike, with a link home.
  for (const [path, lang, title] of [
    ['/no-such-page', 'en', 'Page not found'],
    ['/es/no-such-page', 'es', 'Página no encontrada'],
    ['/docs/no-such-guide', 'en', 'Page not found'],
    ['/auth/no-such-page', 'en', 'Page not found'],
  ]) {
    const answer = await request.get(path!);
    expect(answer.status(), path).toBe(404);
    const html = await answer.text();
    expect(html, path).toContain(`<html lang="${lang}"`);
    expect(html, path).toMatch(new RegExp(`<h1[^>]*>${title}</h1>`));
  }
});

test('the health endpoint reports the database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: { status: 'ok' } });
});

test('the brand font is served by the app itself; nothing comes from another origin', async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/');
  const fontsLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    const inter = [...document.fonts].filter((font) => font.family.includes('Inter Variable'));
    return inter.filter((font) => font.status === 'loaded').length;
  });
  expect(fontsLoaded).toBeGreaterThan(0);
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"?Inter Variable"?,/);
  expect(requests.some((url) => /\/_next\/static\/media\/inter-latin-wght-normal\.[^/]+\.woff2$/.test(url))).toBe(true);
  const origin = new URL(baseURL!).origin;
  expect(requests.filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin)).toEqual([]);
});
