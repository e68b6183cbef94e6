import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolationsInBothThemes, waitForHydration } from './support';

/** The JSON-LD blocks of the page, parsed. */
async function structuredData(page: Page): Promise<Record<string, unknown>[]> {
  const texts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return texts.map((text) => JSON.parse(text) as Record<string, unknown>);
}

/** Canonical URL and hreflang alternates, as the page's <head> says them. */
async function seoLinks(page: Page) {
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  const alternates = await page
    .locator('link[rel="alternate"][hreflang]')
    .evaluateAll((links) => Object.fromEntries(links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')])));
  return { canonical, alternates };
}

function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
      violations.push(message.text());
  });
  return violations;
}

test.describe('the landing page', () => {
  test('in English: promise, calls to action, screenshots in the theme, pricing teaser, FAQ, metadata', async ({
    page,
    baseURL,
  }) => {
    const violations = watchCspViolations(page);
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ship your SaaS on a keel that holds');
    await expect(page).toHaveTitle(/^The SaaS starter kit on Next\.js and PostgreSQL · /);
    await expect(page.getByRole('main').getByRole('link', { name: 'Get started free' })).toHaveAttribute(
      'href',
      '/auth/sign-up',
    );

    // Each feature shows its screenshot, loaded (not a broken image), with its size reserved.
    const features = page.locator('#features article');
    await expect(features).toHaveCount(4);
    for (const image of await page.locator('#features img:visible').all()) {
      await image.scrollIntoViewIfNeeded();
      await expect(image).toHaveAttribute('src', /light\.webp/);
      await expect(image).toHaveAttribute('width', '1280');
      await expect(image).toHaveAttribute('height', '800');
      // Loaded (next/image picks the width the layout needs from its srcset).
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
        .toBeGreaterThan(0);
    }
    await expect(page.getByRole('img', { name: /^Billing that keeps its books: a screenshot/ })).toBeVisible();

    await expect(page.getByTestId('pricing-teaser')).toContainText('Free');
    await expect(page.getByTestId('pricing-teaser')).toContainText('from $12.00 per month');
    await page.getByText('Do I need to install a database?').click();
    await expect(page.getByText('Without a DATABASE_URL it starts an embedded PostgreSQL')).toBeVisible();

    // No customers configured: neither the logos nor the testimonials section appears.
    await expect(page.getByRole('heading', { name: 'Used by teams at' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'What builders say' })).toHaveCount(0);

    expect(await seoLinks(page)).toEqual({
      // Next.js writes the site's root without its trailing slash (the same URL).
      canonical: `${baseURL}`,
      alternates: { en: `${baseURL}`, es: `${baseURL}/es`, 'x-default': `${baseURL}` },
    });
    expect(await structuredData(page)).toContainEqual(
      expect.objectContaining({ '@type': 'Organization', name: 'Keel', url: baseURL }),
    );

    await page.getByRole('main').getByRole('link', { name: 'See pricing' }).click();
    await expect(page).toHaveURL(/\/pricing$/);
    expect(violations).toEqual([]);
  });

  test('in the dark theme the dark screenshots are shown (and only they are downloaded)', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.addCookies([{ name: 'keel-theme', value: 'dark', url: baseURL! }]);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(decodeURIComponent(request.url())));
    await page.goto('/');
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    const first = page.locator('#features img:visible').first();
    await first.scrollIntoViewIfNeeded();
    await expect(first).toHaveAttribute('src', /workspace-dark\.webp/);
    await expect.poll(() => first.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(requested.filter((url) => url.includes('-light.webp'))).toEqual([]);
  });

  test('in Spanish, at /es, with its own canonical URL', async ({ page, baseURL }) => {
    await page.goto('/es');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lanza tu SaaS sobre una quilla que aguanta');
    expect((await seoLinks(page)).canonical).toBe(`${baseURL}/es`);
    await page.getByRole('main').getByRole('link', { name: 'Ver precios' }).click();
    await expect(page).toHaveURL(/\/es\/pricing$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Precios');
  });
});

test.describe('the pricing page', () => {
  test('monthly and yearly, the seats calculator, the recommended plan and contact-us plans', async ({
    page,
    baseURL,
  }) => {
    await page.goto('/pricing');
    await waitForHydration(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pricing');
    const pro = page.getByTestId('pricing-pro');
    await expect(pro.getByText('Recommended')).toBeVisible();
    await expect(pro.getByTestId('price')).toHaveText('$12.00 per month');

    await page.getByLabel('Seats').fill('5');
    await expect(pro.getByTestId('price')).toHaveText('$60.00 per month');
    await page.getByRole('switch', { name: 'Bill yearly' }).click();
    await expect(pro.getByTestId('price')).toHaveText('$600.00 per year');
    await page.getByRole('switch', { name: 'Bill yearly' }).click();
    await expect(pro.getByTestId('price')).toHaveText('$60.00 per month');

    await expect(pro.getByRole('link', { name: 'Get started: Pro' })).toHaveAttribute('href', '/auth/sign-up');
    await expect(page.getByTestId('pricing-enterprise').getByRole('link', { name: 'Contact us' })).toHaveAttribute(
      'href',
      '/contact',
    );

    expect((await seoLinks(page)).canonical).toBe(`${baseURL}/pricing`);
    const [software] = (await structuredData(page)).filter((data) => data['@type'] === 'SoftwareApplication');
    expect(software).toMatchObject({
      offers: expect.arrayContaining([
        expect.objectContaining({ name: 'Pro', price: '12.00', priceCurrency: 'USD' }),
        expect.objectContaining({ name: 'Pro', price: '120.00', priceCurrency: 'USD' }),
        expect.objectContaining({ name: 'Free', price: '0' }),
      ]),
    });
  });

  test('in Spanish: words and numbers in the language', async ({ page }) => {
    await page.goto('/es/pricing');
    await waitForHydration(page);
    const pro = page.getByTestId('pricing-pro');
    await expect(pro.getByText('Recomendado')).toBeVisible();
    await page.getByLabel('Puestos').fill('1000');
    // Spanish groups thousands with a dot and writes the currency after the amount.
    await expect(pro.getByTestId('price')).toHaveText(/^12\.000,00\sUS\$ al mes$/);
    await expect(page.getByTestId('pricing-enterprise').getByRole('link', { name: 'Contáctanos' })).toHaveAttribute(
      'href',
      '/es/contact',
    );
  });
});

test.describe('the FAQ page', () => {
  for (const [path, question, answer, title] of [
    ['/faq', 'Can I use it for a commercial product?', 'It is MIT licensed', 'Frequently asked questions'],
    ['/es/faq', '¿Puedo usarlo para un producto comercial?', 'Tiene licencia MIT', 'Preguntas frecuentes'],
  ] as const) {
    test(`${path}: questions open in place; FAQPage structured data lists them all`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.getByText(answer)).toBeHidden();
      await page.getByRole('heading', { name: question }).click();
      await expect(page.getByText(answer)).toBeVisible();

      const [faq] = (await structuredData(page)).filter((data) => data['@type'] === 'FAQPage');
      const questions = await page.locator('main details').count();
      expect(questions).toBeGreaterThan(3);
      expect(faq!.mainEntity).toHaveLength(questions);
      expect(faq!.mainEntity).toContainEqual(
        expect.objectContaining({ name: question, acceptedAnswer: expect.objectContaining({ '@type': 'Answer' }) }),
      );
    });
  }
});

test('the contact page in Spanish: its metadata, and the form sends', async ({ page, baseURL }) => {
  await page.goto('/es/contact');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contáctanos');
  expect(await seoLinks(page)).toEqual({
    canonical: `${baseURL}/es/contact`,
    alternates: { en: `${baseURL}/contact`, es: `${baseURL}/es/contact`, 'x-default': `${baseURL}/contact` },
  });
  await waitForHydration(page, 'form');
  await page.getByLabel('Tu nombre').fill('Ada Lovelace');
  await page.getByLabel('Correo electrónico').fill(`e2e-es-${Date.now()}@example.com`);
  await page.getByLabel('Mensaje').fill('¿Hay un plan para asociaciones?');
  await page.getByRole('button', { name: 'Enviar mensaje' }).click();
  await expect(page.getByRole('status')).toHaveText(/¡Gracias, Ada Lovelace!/);
});

test('sitemap.xml and robots.txt are served from the configuration', async ({ request, baseURL }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  for (const path of ['/', '/pricing', '/faq', '/contact', '/es', '/es/pricing', '/es/faq', '/es/contact']) {
    expect(sitemap).toContain(`<loc>${baseURL}${path}</loc>`);
  }
  expect(sitemap).toContain(`hreflang="x-default"`);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(robots).toMatch(/^Disallow: \/dashboard$/m);
  expect(robots).toMatch(/^Disallow: \/api\/$/m);
});

const marketingPages = ['/', '/pricing', '/faq', '/contact', '/es'] as const;

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['375 px', { width: 375, height: 740 }],
] as const) {
  test.describe(`axe on the marketing pages (${label})`, () => {
    test.use({ viewport });
    for (const path of marketingPages) {
      test(`${path}: no serious accessibility violation, light and dark`, async ({ page, context, baseURL }) => {
        // Two full scans of a long page: more than the default 30 s on a loaded two-core runner.
        test.slow();
        await context.addCookies([{ name: 'keel-theme', value: 'light', url: baseURL! }]);
        await page.goto(path);
        // Open every answer so axe also checks them.
        for (const details of await page.locator('main details').all()) {
          await details.evaluate((element: HTMLDetailsElement) => (element.open = true));
        }
        await expectNoSeriousA11yViolationsInBothThemes(page);
        if (viewport.width === 375) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, 'no sideways scrolling at 375 px').toBeLessThanOrEqual(0);
        }
      });
    }
  });
}
