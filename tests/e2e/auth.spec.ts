import { createAccount, expect, signIn, test } from './fixtures';
import {
  E2E_PASSWORD,
  emailedLink,
  expectNoSeriousA11yViolations,
  fillSignInForm,
  openMenu,
  queryDatabase,
  uniqueEmail,
  uniqueSlug,
  waitForHydration,
} from './support';

test('sign up: confirm the email from the mailbox, onboard, create an organization and arrive on its dashboard, signed in', async ({
  page,
}) => {
  const email = uniqueEmail('signup');
  await page.goto('/');
  // The header's link (the landing page has its own calls to action too).
  await page.getByRole('banner').getByRole('link', { name: 'Get started', exact: true }).click();
  await expect(page).toHaveURL(/\/auth\/sign-up$/);
  await waitForHydration(page, 'form');

  // The rules are shown, and the password can be checked before sending.
  const password = page.getByLabel('Password', { exact: true });
  await expect(password).toHaveAccessibleDescription(/At least 8 characters/);
  await page.getByLabel('Email').fill(email);
  await password.fill(E2E_PASSWORD);
  await expect(password).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Show password' }).click();
  await expect(password).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(/\/auth\/verify-email\?email=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox');
  await expect(page.getByText(`We sent a confirmation link to ${email}`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const [user] = await queryDatabase<{ email_verified: boolean }>('select email_verified from users where email = $1', [
    email,
  ]);
  expect(user).toEqual({ email_verified: false });

  // The link alone confirms nothing: its page asks for the password, which confirms and signs in.
  await page.goto(await emailedLink(email));
  await expect(page).toHaveURL(/\/auth\/confirm-email\?token=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your email address');
  await expectNoSeriousA11yViolations(page);
  await waitForHydration(page, 'form');
  await page.getByLabel('Password', { exact: true }).fill('not the password at all');
  await page.getByRole('button', { name: 'Confirm and sign in' }).click();
  await expect(page.getByText('That is not the password of this account.', { exact: false })).toBeVisible();
  expect(await queryDatabase('select email_verified from users where email = $1', [email])).toEqual([
    { email_verified: false },
  ]);
  await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Confirm and sign in' }).click();

  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome! What should we call you?');
  await expectNoSeriousA11yViolations(page);
  await waitForHydration(page, 'form');
  await page.getByLabel('Your name').fill('Katherine Johnson');
  await page.getByRole('button', { name: 'Continue' }).click();

  // No organization yet: create one (its web address proposed from the name), then the invite step.
  await expect(page).toHaveURL(/\/onboarding\/organization$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up your organization');
  await expectNoSeriousA11yViolations(page);
  await waitForHydration(page, 'form');
  const slug = uniqueSlug('orbit');
  await page.getByLabel('Name', { exact: true }).fill('Orbit Works');
  await expect(page.getByLabel('Web address')).toHaveValue('orbit-works');
  await page.getByLabel('Web address').fill(slug);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page).toHaveURL(new RegExp(`/onboarding/invite\\?organization=${slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invite your teammates');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: 'Skip for now' }).click();

  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Orbit Works');
  await openMenu(page, 'user-menu');
  await expect(page.getByRole('menu')).toContainText('Katherine Johnson');
  await expect(page.getByRole('menu')).toContainText(email);
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toHaveAttribute('href', '/settings/profile');

  // Onboarding is done: opening it again goes on to the app.
  await page.goto('/onboarding');
  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}$`));
  await page.goto('/onboarding/organization');
  await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}$`));
  // The marketing header knows.
  await page.goto('/');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toHaveCount(0);
});

test('sign out from the user menu, then sign in again and come back to the page that asked', async ({
  page,
  account,
}) => {
  await page.goto('/dashboard');
  await expect(page).toHaveURL(new RegExp(`/dashboard/${account.organization.slug}$`));
  await openMenu(page, 'user-menu');
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();

  // A page of the app, signed out: sign in first, then back to exactly that page.
  await page.goto('/settings/profile?x=1');
  await expect(page).toHaveURL(/\/auth\/sign-in\?next=%2Fsettings%2Fprofile%3Fx%3D1$/);
  // The way to sign up keeps the destination too.
  await expect(page.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
    'href',
    '/auth/sign-up?next=%2Fsettings%2Fprofile%3Fx%3D1',
  );
  await expect(page.getByRole('link', { name: 'Forgot password?' })).toHaveAttribute(
    'href',
    '/auth/forgot-password?next=%2Fsettings%2Fprofile%3Fx%3D1',
  );
  await fillSignInForm(page, { email: account.email, password: account.password });
  await expect(page).toHaveURL(/\/settings\/profile\?x=1$/);

  // Signed in, the sign-in and sign-up pages send the user on (the dashboard opens their organization).
  await page.goto('/auth/sign-in');
  await expect(page).toHaveURL(new RegExp(`/dashboard/${account.organization.slug}$`));
  await page.goto('/auth/sign-up?next=%2Fsettings%2Fprofile%3Fy%3D2');
  await expect(page).toHaveURL(/\/settings\/profile\?y=2$/);
});

test('a wrong password is refused with a translated message, and nothing is signed in', async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto('/auth/sign-in');
  await fillSignInForm(page, { email: 'nobody-here@example.com', password: 'not the password at all' });
  await expect(page.locator('[data-error-code="UNAUTHENTICATED"]')).toHaveText('The email or password is not right.');
  await expect(page).toHaveURL(/\/auth\/sign-in$/);
  // What was typed stays, to correct it.
  await expect(page.getByLabel('Email')).toHaveValue('nobody-here@example.com');

  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'es', url: baseURL! }]);
  await page.goto('/auth/sign-in');
  await waitForHydration(page, 'form');
  await page.getByLabel('Correo electrónico').fill('nobody-here@example.com');
  await page.getByLabel('Contraseña', { exact: true }).fill('not the password at all');
  await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
  await expect(page.locator('[data-error-code="UNAUTHENTICATED"]')).toHaveText(
    'El correo o la contraseña no son correctos.',
  );
  expect((await context.cookies()).filter((cookie) => cookie.name.endsWith('session_token'))).toEqual([]);
});

test('the sign-in page in Spanish, with field errors that name the problem', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'es', url: baseURL! }]);
  await page.goto('/auth/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inicia sesión en Keel');
  await expect(
    page.getByRole('navigation', { name: 'Forma de iniciar sesión' }).getByRole('link', { name: 'Enlace por correo' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: '¿Has olvidado tu contraseña?' })).toBeVisible();
  await waitForHydration(page, 'form');
  await page.getByLabel('Correo electrónico').fill('no-es-un-correo');
  await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
  await expect(page.getByLabel('Correo electrónico')).toHaveAccessibleDescription(
    'Introduce un correo electrónico válido.',
  );
  await expect(page.getByLabel('Contraseña', { exact: true })).toHaveAccessibleDescription(
    'Este campo es obligatorio.',
  );
  await expectNoSeriousA11yViolations(page);
});

test('forgot password: the same answer for any address, a link by email, a new password, then sign in with it', async ({
  page,
}) => {
  const account = await createAccount({ name: 'Frances Allen' });
  await page.goto('/auth/sign-in');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(/\/auth\/forgot-password$/);
  await waitForHydration(page, 'form');
  await page.getByLabel('Email').fill(account.email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByTestId('sent-notice')).toContainText(
    `If an account exists for ${account.email}, we sent it a link`,
  );

  const link = await emailedLink(account.email);
  expect(link).toMatch(/\/auth\/reset-password\?token=/);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  await expectNoSeriousA11yViolations(page);
  await waitForHydration(page, 'form');
  // Too short first: the rule is said at the field.
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByLabel('New password')).toHaveAccessibleDescription(/Use at least 8 characters\./);
  await page.getByLabel('New password').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Save the new password' }).click();

  await expect(page).toHaveURL(/\/auth\/sign-in\?reset=1$/);
  await expect(page.getByText('Your password was changed. Sign in with your new password.')).toBeVisible();
  await fillSignInForm(page, { email: account.email, password: account.password });
  await expect(page.locator('[data-error-code="UNAUTHENTICATED"]')).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${account.organization.slug}$`));

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link has expired or was already used');
  await page.getByRole('link', { name: 'Ask for a new link' }).click();
  await expect(page).toHaveURL(/\/auth\/forgot-password$/);

  // An address without an account gets the very same answer.
  await page.goto('/auth/forgot-password');
  await waitForHydration(page, 'form');
  await page.getByLabel('Email').fill('no-account-here@example.com');
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByTestId('sent-notice')).toContainText(
    'If an account exists for no-account-here@example.com, we sent it a link',
  );
});

test('magic link: ask on the sign-in page, open the email, press the button, signed in', async ({ page }) => {
  const account = await createAccount();
  await page.goto('/auth/sign-in?next=%2Fsettings%2Fprofile%3Fvia%3Dlink');
  await page.getByRole('navigation', { name: 'Sign-in method' }).getByRole('link', { name: 'Email link' }).click();
  await expect(page).toHaveURL(/method=magic-link&next=%2Fsettings%2Fprofile%3Fvia%3Dlink$/);
  await waitForHydration(page, 'form');
  await page.getByLabel('Email').fill(account.email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByTestId('sent-notice')).toContainText(`We sent a sign-in link to ${account.email}`);

  const link = await emailedLink(account.email);
  expect(link).toMatch(/\/auth\/magic-link\?token=/);
  await page.goto(link);
  // Opening the page uses nothing: the button does.
  await expect(page.getByText(`You are signing in as ${account.email}.`)).toBeVisible();
  await expect(page.getByText(/Why a button\?/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await waitForHydration(page, 'form');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/settings\/profile\?via=link$/);

  // Once only.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link has expired or was already used');
  await expect(page.getByRole('link', { name: 'Get a new link' })).toHaveAttribute(
    'href',
    '/auth/sign-in?method=magic-link&next=%2Fsettings%2Fprofile%3Fvia%3Dlink',
  );
});

test('an open-redirect attempt through ?next= ends on the dashboard', async ({ page, baseURL }) => {
  const account = await createAccount();
  await page.goto('/auth/sign-in?next=//evil.com');
  // The unsafe destination is not carried to other links either.
  await expect(page.getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/auth/sign-up');
  await fillSignInForm(page, { email: account.email, password: account.password });
  await expect(page).toHaveURL(`${baseURL}/dashboard/${account.organization.slug}`);
});

test('without JavaScript: sign in with a password, and a wrong one comes back with the message', async ({
  browser,
}) => {
  const account = await createAccount();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/auth/sign-in?next=%2Fsettings%2Fprofile%3Fnojs%3D1');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill('wrong password here');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('[data-error-code="UNAUTHENTICATED"]')).toHaveText('The email or password is not right.');
  await expect(page.getByLabel('Email')).toHaveValue(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/profile\?nojs=1$/);
  await context.close();
});

test('"check your inbox": the email can be sent again, until the limit says to wait', async ({ page }) => {
  const email = uniqueEmail('resend');
  await page.goto('/auth/sign-up');
  await waitForHydration(page, 'form');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/auth\/verify-email\?/);
  await waitForHydration(page, 'form');

  const resend = page.getByRole('button', { name: 'Send the email again' });
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await resend.click();
    await expect(page.getByText(`We sent a new link to ${email}.`)).toBeVisible();
    await expect(resend).toBeEnabled();
  }
  expect(await queryDatabase('select count(*)::int as n from dev_mailbox_messages where "to" ? $1', [email])).toEqual([
    { n: 4 },
  ]);
  await resend.click();
  await expect(page.locator('[data-error-code="RATE_LIMITED"]')).toContainText(
    'Too many attempts. Please try again in',
  );
});

test('a spent or forged confirmation link says so and offers a new one', async ({ page }) => {
  await page.goto('/auth/confirm-email?token=forged&next=%2Fonboarding');
  await expect(page).toHaveURL(/\/auth\/verified\?.*error=INVALID_TOKEN/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not confirm your email');
  await expect(page.getByText('This confirmation link is not valid or was already used.')).toBeVisible();
  await waitForHydration(page, 'form');
  await page.getByLabel('Email').fill('someone-else@example.com');
  await page.getByRole('button', { name: 'Send a new link' }).click();
  await expect(
    page.getByText('If someone-else@example.com is waiting for confirmation, a new link is on its way.'),
  ).toBeVisible();
});

test('two-factor: only right after the password step; the code form and the recovery-code form', async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto('/auth/two-factor?next=%2Fdashboard');
  await expect(page).toHaveURL(/\/auth\/sign-in\?next=%2Fdashboard$/);

  // better-auth's pending-sign-in cookie (its value is checked by the actions, not by the page).
  await context.addCookies([
    { name: '__Secure-keel.two_factor', value: 'pending', domain: new URL(baseURL!).hostname, path: '/', secure: true },
  ]);
  await page.goto('/auth/two-factor?next=%2Fdashboard');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-factor authentication');
  const code = page.getByLabel('Authentication code');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expect(page.getByLabel('Trust this device for 30 days')).not.toBeChecked();
  await expectNoSeriousA11yViolations(page);
  await waitForHydration(page, 'form');
  await code.fill('12');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(code).toHaveAccessibleDescription('Enter the 6-digit code from your authenticator app.');

  await page.getByRole('link', { name: 'Use a recovery code instead' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Use a recovery code');
  await expect(page.getByLabel('Recovery code')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: 'Use your authenticator app instead' }).click();
  await expect(page.getByLabel('Authentication code')).toBeVisible();
});

test('the application area needs a signed-in user; the user menu shows who', async ({ page, context }) => {
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/auth\/sign-in\?next=%2Fdashboard$/);
  const member = await createAccount({ name: 'Grace Hopper' });
  await signIn(context, member);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(new RegExp(`/dashboard/${member.organization.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(member.organization.name);
  await openMenu(page, 'user-menu');
  await expect(page.getByRole('menu')).toContainText(member.name);
});
