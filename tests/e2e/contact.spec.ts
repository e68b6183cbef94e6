import { expect, test } from '@playwright/test';
import { queryDatabase, waitForHydration } from './support';

test.describe('the contact form posts through a server action', () => {
  test('with JavaScript: the message is stored and acknowledged', async ({ page }) => {
    const email = `e2e-js-${Date.now()}@example.com`;
    await page.goto('/contact');
    await waitForHydration(page, 'form');
    await page.getByLabel('Your name').fill('Edsger Dijkstra');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Message').fill('Is there a plan for universities?');
    const [actionCall] = await Promise.all([
      page.waitForRequest((request) => request.method() === 'POST' && request.headers()['next-action'] !== undefined),
      page.getByRole('button', { name: 'Send message' }).click(),
    ]);
    // React (running under the nonce-based CSP) sent it, not a plain form post.
    expect(actionCall.url()).toMatch(/\/contact$/);
    await expect(page.getByRole('status')).toHaveText(/Thank you, Edsger Dijkstra!/);
    expect(await queryDatabase('select name, locale from contact_requests where email = $1', [email])).toEqual([
      { name: 'Edsger Dijkstra', locale: 'en' },
    ]);
    // The sender's copy went out (to the dev mailbox: this server has no SMTP_URL).
    expect(
      await queryDatabase<{ subject: string }>('select subject from dev_mailbox_messages where "to" ? $1', [email]),
    ).toEqual([{ subject: 'We received your message — Keel' }]);
  });

  test('without JavaScript: the browser posts the form and the page shows the result', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const email = `e2e-nojs-${Date.now()}@example.com`;
    await page.goto('/contact');
    await page.getByLabel('Your name').fill('Barbara Liskov');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Message').fill('Can I self-host the whole thing?');
    await page.getByRole('button', { name: 'Send message' }).click();
    await expect(page.getByRole('status')).toHaveText(/Thank you, Barbara Liskov!/);
    expect(await queryDatabase('select count(*)::int as n from contact_requests where email = $1', [email])).toEqual([
      { n: 1 },
    ]);
    // On the Spanish page the form comes back to the Spanish page, and so does "send another".
    await page.goto('/es/contact');
    await page.getByLabel('Tu nombre').fill('Barbara Liskov');
    await page.getByLabel('Correo electrónico').fill(`es-${email}`);
    await page.getByLabel('Mensaje').fill('¿Puedo alojarlo todo yo mismo?');
    await page.getByRole('button', { name: 'Enviar mensaje' }).click();
    await expect(page.getByRole('status')).toHaveText(/¡Gracias, Barbara Liskov!/);
    expect(new URL(page.url()).pathname).toBe('/es/contact');
    await page.getByRole('link', { name: 'Enviar otro mensaje' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contáctanos');
    expect(new URL(page.url()).pathname).toBe('/es/contact');
    await context.close();
  });

  test('without JavaScript, a refused form comes back with what was typed and what is wrong', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/contact');
    await page.getByLabel('Your name').fill('Grace');
    await page.getByLabel('Email').fill('grace-at-example');
    await page.getByLabel('Message').fill('Hi there, a question about plans.');
    await page.getByRole('button', { name: 'Send message' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Enter a valid email address.' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Some fields need your attention.' })).toBeVisible();
    await expect(page.getByLabel('Your name')).toHaveValue('Grace');
    await expect(page.getByLabel('Email')).toHaveValue('grace-at-example');
    await expect(page.getByLabel('Message')).toHaveValue('Hi there, a question about plans.');
    await context.close();
  });

  test('invalid input: each field says what is wrong, in Spanish on the Spanish page, and nothing is stored', async ({
    page,
  }) => {
    await page.goto('/es/contact');
    await waitForHydration(page, 'form');
    await page.getByLabel('Correo electrónico').fill('not-an-email');
    await page.getByLabel('Mensaje').fill('short');
    await page.getByRole('button', { name: 'Enviar mensaje' }).click();
    // Each message is tied to its field (aria-describedby), so screen readers read it with the field.
    await expect(page.getByLabel('Tu nombre')).toHaveAccessibleDescription('Este campo es obligatorio.');
    await expect(page.getByLabel('Correo electrónico')).toHaveAccessibleDescription(
      'Introduce un correo electrónico válido.',
    );
    await expect(page.getByLabel('Mensaje')).toHaveAccessibleDescription('Usa al menos 10 caracteres.');
    await expect(page.getByLabel('Mensaje')).toHaveAttribute('aria-invalid', 'true');
    // What the visitor typed is still there to correct.
    await expect(page.getByLabel('Correo electrónico')).toHaveValue('not-an-email');
    await expect(page.getByLabel('Mensaje')).toHaveValue('short');
    expect(await queryDatabase("select count(*)::int as n from contact_requests where email = 'not-an-email'")).toEqual(
      [{ n: 0 }],
    );
  });

  test('a form whose CSRF token was removed is refused and says why', async ({ page }) => {
    const email = `e2e-csrf-${Date.now()}@example.com`;
    await page.goto('/contact');
    await waitForHydration(page, 'form');
    await page.locator('input[name="csrf_token"]').evaluate((input: HTMLInputElement) => input.remove());
    await page.getByLabel('Your name').fill('Mallory');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Message').fill('This should never be stored.');
    await page.getByRole('button', { name: 'Send message' }).click();
    await expect(page.locator('[data-error-code="CSRF_TOKEN_INVALID"]')).toContainText(
      'security token is missing or has expired',
    );
    expect(await queryDatabase('select count(*)::int as n from contact_requests where email = $1', [email])).toEqual([
      { n: 0 },
    ]);
  });
});

test('the dev mailbox is never mounted in production', async ({ request }) => {
  expect((await request.get('/dev/mailbox')).status()).toBe(404);
});
