import { createAccount, expect, signIn, test } from './fixtures';
import {
  expectNoSeriousA11yViolations,
  expectNoSeriousA11yViolationsInBothThemes,
  queryDatabase,
  waitForHydration,
} from './support';

test.describe('on a 375 px wide phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the marketing menu opens in a drawer and navigates', async ({ page }) => {
    await page.goto('/');
    await waitForHydration(page, 'header');
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
    await page.getByRole('button', { name: 'Open menu' }).click();
    const drawer = page.getByRole('dialog', { name: 'Menu' });
    await expect(drawer).toBeVisible();
    await drawer.getByRole('link', { name: 'Contact' }).click();
    await expect(page).toHaveURL(/\/contact$/);
    await expect(drawer).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contact us');
  });

  test('the application sidebar opens in a drawer', async ({ page, context }) => {
    await signIn(context, await createAccount());
    await page.goto('/dashboard');
    await waitForHydration(page, 'header');
    await page.getByRole('button', { name: 'Open menu' }).click();
    await expect(page.getByRole('dialog').getByRole('link', { name: 'Dashboard' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  test('no page scrolls sideways', async ({ page, context }) => {
    for (const path of ['/', '/contact', '/auth/sign-in', '/auth/sign-up', '/auth/error']) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
    }
    await signIn(context, await createAccount());
    for (const path of ['/', '/dashboard']) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
    }
  });
});

test('the desktop sidebar collapses to icons and remembers it', async ({ page, context }) => {
  await signIn(context, await createAccount());
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/dashboard');
  await waitForHydration(page, 'aside');
  const sidebar = page.getByRole('complementary', { name: 'Application' });
  await page.getByRole('button', { name: 'Collapse sidebar' }).click();
  await expect(sidebar).toHaveAttribute('data-collapsed', 'true');
  await page.reload();
  await expect(sidebar).toHaveAttribute('data-collapsed', 'true');
  await waitForHydration(page, 'aside');
  await page.getByRole('button', { name: 'Expand sidebar' }).click();
  await expect(sidebar).toHaveAttribute('data-collapsed', 'false');
});

const pages = [
  ['marketing', '/', false],
  ['marketing, signed in', '/', true],
  ['marketing form', '/contact', false],
  ['application', '/dashboard', true],
  ['auth', '/auth/error?error=access_denied', false],
  ['auth: sign in', '/auth/sign-in', false],
  ['auth: sign in by email link', '/auth/sign-in?method=magic-link', false],
  ['auth: sign up', '/auth/sign-up', false],
  ['auth: forgot password', '/auth/forgot-password', false],
  ['auth: check your inbox', '/auth/verify-email?email=someone%40example.com', false],
  ['auth: spent link', '/auth/reset-password?token=spent', false],
  ['auth: failed confirmation', '/auth/verified?error=TOKEN_EXPIRED', false],
] as const;

// One page per layout, scanned in the light theme, then switched to dark in place and scanned again.
for (const [layout, path, signedIn] of pages) {
  test(`axe finds no serious accessibility violation: ${layout} layout (${path}), light and dark themes`, async ({
    page,
    context,
    baseURL,
  }) => {
    if (signedIn) await signIn(context, await createAccount());
    await context.addCookies([{ name: 'keel-theme', value: 'light', url: baseURL! }]);
    await page.goto(path);
    await expectNoSeriousA11yViolationsInBothThemes(page);
  });
}

test('axe finds no serious accessibility violation: not found layout (/no-such-page), light theme', async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([{ name: 'keel-theme', value: 'light', url: baseURL! }]);
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the not-found page of the public site follows the dark theme', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'keel-theme', value: 'dark', url: baseURL! }]);
  await page.goto('/no-such-page');
  await expect(page.locator('html')).toHaveClass(/\bdark\b/, { timeout: 3000 });
});

test('the auth layout explains a failed sign-in in the visitor language', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'es', url: baseURL! }]);
  await page.goto('/auth/error?error=state_mismatch');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No hemos podido iniciar tu sesión');
  await expect(page.locator('[data-error-code="state_mismatch"]')).toContainText('otra pestaña');
  // An unknown code never echoes what the URL says.
  await page.goto('/auth/error?error=<script>alert(1)</script>');
  await expect(page.locator('[data-error-code="unknown"]')).toBeVisible();
});

test('icons, manifest and social image are generated from the brand', async ({ request }) => {
  for (const [path, type] of [
    ['/icon', 'image/png'],
    ['/apple-icon', 'image/png'],
    ['/opengraph-image', 'image/png'],
    ['/manifest.webmanifest', 'application/manifest+json'],
  ] as const) {
    const response = await request.get(path);
    expect({ path, status: response.status(), type: response.headers()['content-type'] }).toEqual({
      path,
      status: 200,
      type,
    });
  }
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ name: 'Keel', theme_color: '#1d4ed8' });
});

test('the top bar says where each application page is: organization › section › item, at 1280 and 375 px', async ({
  page,
  account,
}) => {
  test.setTimeout(120_000);
  const { slug, name } = account.organization;
  // Long enough to be cut short on a phone.
  const title = 'Fix the invoice export for the yearly customers of every region';
  const [task] = await queryDatabase<{ id: string }>(
    `insert into tasks (organization_id, title, created_by_id)
     select o.id, $2, (select user_id from members where organization_id = o.id limit 1)
     from organizations o where o.slug = $1 returning id`,
    [slug, title],
  );
  const base = `/dashboard/${slug}`;
  // Each page, its crumbs in order, the last one the current page.
  const pages: [string, string[]][] = [
    [base, [name]],
    [`${base}/tasks`, [name, 'Tasks']],
    [`${base}/tasks/new`, [name, 'Tasks', 'New task']],
    [`${base}/tasks/${task!.id}`, [name, 'Tasks', title]],
    [`${base}/tasks/${task!.id}/edit`, [name, 'Tasks', title, 'Edit task']],
    [`${base}/members`, [name, 'Members']],
    [`${base}/billing`, [name, 'Billing']],
    [`${base}/billing/plans`, [name, 'Billing', 'Plans']],
    [`${base}/settings`, [name, 'Organization settings']],
    ['/settings/profile', ['Settings', 'Profile']],
    ['/settings/security', ['Settings', 'Security']],
    ['/settings/preferences', ['Settings', 'Preferences']],
    ['/settings/activity', ['Settings', 'Activity']],
  ];
  const bar = page.getByRole('banner').getByRole('navigation', { name: 'Breadcrumb' });
  for (const [path, crumbs] of pages) {
    await page.goto(path);
    await expect(bar.getByRole('listitem'), path).toHaveText(crumbs);
    await expect(bar.locator('[aria-current="page"]'), path).toHaveText(crumbs.at(-1)!);
    // Every crumb before the last is a link to its page.
    await expect(bar.getByRole('link'), path).toHaveCount(crumbs.length - 1);
  }
  await expect(bar.getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '/settings');

  // On a phone: the last two crumbs, the organization left to the sidebar's switcher.
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`${base}/tasks/${task!.id}`);
  await expect(bar.getByText(name, { exact: true })).toBeHidden();
  await expect(bar.getByRole('link', { name: 'Tasks' })).toBeVisible();
  await expect(bar.getByText(title)).toBeVisible();
  // The title gives way, not the short section name before it.
  const cut = (element: HTMLElement) => element.scrollWidth > element.clientWidth;
  expect(await bar.getByRole('link', { name: 'Tasks' }).evaluate(cut)).toBe(false);
  expect(await bar.getByText(title).evaluate(cut)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
    0,
  );
});

test('the sidebar runs the whole height of a long page and stays in view as it scrolls', async ({ page, account }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(`/dashboard/${account.organization.slug}/settings`);
  const sidebar = page.getByRole('complementary', { name: 'Application' });
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(pageHeight).toBeGreaterThan(600);
  expect(Math.abs((await sidebar.boundingBox())!.height - pageHeight)).toBeLessThan(1);
  await page.mouse.wheel(0, pageHeight);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const column = page.getByTestId('sidebar-column');
  // Stuck to the top of the window, with its navigation in view.
  await expect.poll(async () => Math.abs((await column.boundingBox())!.y)).toBeLessThan(1);
  await expect(sidebar.getByRole('link', { name: 'Tasks' })).toBeInViewport();
});
