import { createAccount, expect, signIn, test } from './fixtures';
import { openMenu } from './support';

test('the language switcher changes the interface language and remembers it', async ({ page, context }) => {
  await signIn(context, await createAccount());
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ship your SaaS on a keel that holds');

  await openMenu(page, 'language-switcher');
  await page.getByRole('menuitemradio', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lanza tu SaaS sobre una quilla que aguanta');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  // Remembered: another page, then a reload, stay in Spanish.
  await page.goto('/dashboard');
  await expect(
    page.getByRole('navigation', { name: 'Aplicación' }).getByRole('link', { name: 'Panel' }),
  ).toHaveAttribute('aria-current', 'page');
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Aplicación' })).toBeVisible();

  // Numbers and currencies in the language: tests/e2e/marketing.spec.ts (the pricing page in Spanish).
  await page.goto('/');

  await openMenu(page, 'language-switcher');
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ship your SaaS on a keel that holds');
});
