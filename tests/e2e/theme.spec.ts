import { createAccount, expect, signIn, test } from './fixtures';
import type { Page } from '@playwright/test';
import { openMenu } from './support';

/** Records the theme <html> has when <body> first appears — before anything is painted. */
async function watchFirstPaint(page: Page) {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      (window as unknown as { firstPaintTheme: string }).firstPaintTheme = document.documentElement.classList.contains(
        'dark',
      )
        ? 'dark'
        : 'light';
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

const firstPaintTheme = (page: Page) =>
  page.evaluate(() => (window as unknown as { firstPaintTheme?: string }).firstPaintTheme);

test('the chosen theme is remembered across reloads, without a frame of the wrong theme', async ({ page, context }) => {
  await signIn(context, await createAccount());
  await watchFirstPaint(page);
  await page.goto('/');
  expect(await firstPaintTheme(page)).toBe('light');

  await openMenu(page, 'theme-switcher');
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);

  for (const path of ['/', '/dashboard', '/contact']) {
    await page.goto(path);
    expect(await firstPaintTheme(page)).toBe('dark');
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  }

  await openMenu(page, 'theme-switcher');
  await page.getByRole('menuitemradio', { name: 'Light' }).click();
  await page.reload();
  expect(await firstPaintTheme(page)).toBe('light');
});

test('"system" follows the operating system, from the first frame and live', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await watchFirstPaint(page);
  await page.goto('/');
  expect(await firstPaintTheme(page)).toBe('dark');
  // Once the page is interactive (its menu opens), it follows a change of the OS setting.
  await openMenu(page, 'theme-switcher');
  await expect(page.getByRole('menuitemradio', { name: 'System' })).toBeChecked();
  await page.keyboard.press('Escape');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
});
