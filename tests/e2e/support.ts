import { expect, type Page } from '@playwright/test';
import pg from 'pg';
import { e2eDatabaseUrl } from '../../playwright.config';

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
