import sharp from 'sharp';
import { nextTotpCode, secretFrom } from '../support/totp';
import { createPerson, expect, signIn, test } from './fixtures';
import { expectNoSeriousA11yViolationsInBothThemes, queryDatabase, signInThroughUi, waitForHydration } from './support';

/**
 * Account settings as a user goes through them, starting signed in as a
 * person of no organization yet (fixtures.ts). Signing in again uses the auth
 * pages (Email, Password, "Sign in"; the two-factor page's "Authentication code" and "Verify").
 */
test.describe('account settings', () => {
  test('name, avatar, and two-factor authentication asked for at the next sign-in', async ({ page, browser }) => {
    const user = await createPerson({ name: '' });
    await signIn(page.context(), user);

    await page.goto('/settings');
    await expect(page).toHaveURL(/\/settings\/profile$/);
    await expect(page.getByRole('link', { name: 'Profile' })).toHaveAttribute('aria-current', 'page');
    await waitForHydration(page, 'form');

    // Name.
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByText('Your name was saved.', { exact: true })).toBeVisible();
    expect(await queryDatabase('select name from users where email = $1', [user.email])).toEqual([
      { name: 'Ada Lovelace' },
    ]);

    // Avatar, through the file chooser.
    const png = await sharp({ create: { width: 500, height: 320, channels: 3, background: '#2e7d32' } })
      .png()
      .toBuffer();
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('Upload a picture').click();
    await (await chooser).setFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
    await expect(page.getByText('Your picture was updated.', { exact: true })).toBeVisible();
    const [row] = await queryDatabase<{ image: string }>('select image from users where email = $1', [user.email]);
    const image = row!.image;
    expect(image).toMatch(/^\/api\/avatars\/[a-f0-9]{40}\.webp$/);
    await expect(page.locator(`img[src="${image}"]`).first()).toBeVisible();
    const served = await page.request.get(image);
    expect(served.headers()['content-type']).toBe('image/webp');
    expect(served.headers()['cache-control']).toContain('immutable');

    // Two-factor authentication: password, scan (here: read the key), code, recovery codes.
    await page.getByRole('link', { name: 'Security' }).click();
    const twoFactor = page.getByTestId('two-factor');
    await expect(twoFactor.getByTestId('two-factor-status')).toHaveText('Off');
    await waitForHydration(page, '[data-testid="two-factor"] form');
    await twoFactor.getByLabel('Current password').fill(user.password);
    await twoFactor.getByRole('button', { name: 'Turn on' }).click();
    await expect(twoFactor.getByRole('img', { name: /QR code/ })).toBeVisible();
    const secret = secretFrom((await twoFactor.getByTestId('totp-manual-key').textContent())!);
    await twoFactor.getByLabel('Authentication code').fill(await nextTotpCode(secret));
    await twoFactor.getByRole('button', { name: 'Turn on two-factor' }).click();
    await expect(twoFactor.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
    await expect(twoFactor.getByTestId('two-factor-status')).toHaveText('On');
    await twoFactor.getByRole('button', { name: 'I saved them' }).click();
    await expect(twoFactor.getByText('10 recovery codes left.', { exact: true })).toBeVisible();
    expect(await queryDatabase('select two_factor_enabled from users where email = $1', [user.email])).toEqual([
      { two_factor_enabled: true },
    ]);

    // Another browser: the password is no longer enough.
    const context = await browser.newContext();
    const elsewhere = await context.newPage();
    await signInThroughUi(elsewhere, user);
    await expect(elsewhere).toHaveURL(/\/auth\/two-factor/);
    await waitForHydration(elsewhere, 'form');
    await elsewhere.getByLabel('Authentication code').fill(await nextTotpCode(secret));
    await elsewhere.getByRole('button', { name: 'Verify', exact: true }).click();
    // Signed in: /dashboard sends this user, who has no organization, on to create one.
    await expect(elsewhere).toHaveURL(/\/onboarding\/organization$/);

    // The first browser sees the second one in its sessions, and can sign it out.
    await page.reload();
    const sessions = page.getByTestId('sessions').getByRole('listitem');
    await expect(sessions).toHaveCount(2);
    await waitForHydration(page, '[data-testid="sessions"] form');
    await sessions
      .filter({ hasNotText: 'This device' })
      .getByRole('button', { name: /Sign out the session on/ })
      .click();
    await expect(sessions).toHaveCount(1);
    await elsewhere.goto('/settings/security');
    await expect(elsewhere).toHaveURL(/\/auth\/sign-in/);
    await context.close();
  });

  test('preferences are saved on the account and applied at once', async ({ page }) => {
    const user = await createPerson();
    await signIn(page.context(), user);
    await page.goto('/settings/preferences');
    await waitForHydration(page, 'form');
    await page.getByLabel('Dark').check();
    await page.getByLabel('Español').check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ajustes');
    expect(await queryDatabase('select locale, theme from users where email = $1', [user.email])).toEqual([
      { locale: 'es', theme: 'dark' },
    ]);
  });

  test('every settings page fits a phone and passes axe in light and dark', async ({ page, context, baseURL }) => {
    // Eight axe runs: 30 s was not enough on a busy two-core runner.
    test.setTimeout(90_000);
    await signIn(context, await createPerson({ name: 'Grace Hopper' }));
    await page.setViewportSize({ width: 375, height: 740 });
    await context.addCookies([{ name: 'keel-theme', value: 'light', url: baseURL! }]);
    for (const section of ['profile', 'account', 'security', 'preferences']) {
      await page.goto(`/settings/${section}`);
      await expect(page.getByRole('link', { name: new RegExp(`^${section}$`, 'i') })).toHaveAttribute(
        'aria-current',
        'page',
      );
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect({ section, overflow }).toEqual({ section, overflow: 0 });
      await expectNoSeriousA11yViolationsInBothThemes(page);
    }
  });
});
