import { createAccount, expect, signIn, test } from './fixtures';
import { openMenu } from './support';

test('the language switcher changes the interface language and remembers it', async ({ page, context }) => {
  await signIn(context, await createAccount());
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ship your SaaS on a keel that holds');

  // On the public site it links to the same page in the other language.
  await openMenu(page, 'language-switcher');
  await page.getByRole('menuitem', { name: 'Español' }).click();
  await expect(page).toHaveURL(/\/es$/);
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
  await page.goto('/es');

  await openMenu(page, 'language-switcher');
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ship your SaaS on a keel that holds');
  // In the app, the switcher saves the choice (its action) and the page follows.
  await page.goto('/dashboard');
  await expect(page.getByRole('navigation', { name: 'Application' })).toBeVisible();
});
