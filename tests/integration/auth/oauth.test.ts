import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { authorizeAs, startOidcProvider } from '../../support/oidc-provider';

// The app reads which providers are on when its modules load: start the
// provider and configure it before importing them.
const provider = await startOidcProvider();
process.env.NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS = 'oidc';
process.env.OIDC_ISSUER_URL = provider.issuer;
process.env.OIDC_CLIENT_ID = provider.clientId;
process.env.OIDC_CLIENT_SECRET = provider.clientSecret;

const { GET: authLinks } = await import('@/app/api/auth/[...all]/route');
const { getAuth } = await import('@/features/auth/server/auth');
const { getSessionFromHeaders } = await import('@/features/auth/server/session');
const { db } = await import('@/platform/db/client');
const { accounts, users } = await import('@/features/auth/server/schema');
const { eq } = await import('drizzle-orm');
const { Visitor, emailsTo, uniqueEmail } = await import('../../support/visitor');
const { createVerifiedUser, enableAuthenticator } = await import('../../support/users');
const { nextTotpCode } = await import('../../support/totp');
const { verifyTwoFactorCode } = await import('@/features/auth/server/sign-in-actions');
type VisitorType = InstanceType<typeof Visitor>;

afterAll(() => provider.close());

/** Starts "Sign in with SSO" as the sign-in page's button does, and returns the provider's URL. */
async function startSignIn(visitor: VisitorType) {
  const { headers, response } = await getAuth().api.signInSocial({
    body: {
      provider: 'oidc',
      callbackURL: '/dashboard',
      errorCallbackURL: '/auth/error',
      newUserCallbackURL: '/onboarding',
    },
    headers: visitor.headers(),
    returnHeaders: true,
  });
  visitor.keepCookies(headers);
  expect(response.url).toMatch(new RegExp(`^${provider.issuer}/authorize\\?`));
  return response.url!;
}

async function signInThroughProvider(visitor: VisitorType, identity: Parameters<typeof authorizeAs>[1]) {
  const callback = await authorizeAs(await startSignIn(visitor), identity);
  expect(callback).toMatch(/^http:\/\/localhost:3000\/api\/auth\/callback\/oidc\?/);
  return visitor.follow(callback, authLinks);
}

/**
 * The `sub` the local provider gives an email (see tests/support/oidc-provider.ts): the account id of its OAuth
 * account.
 */
function providerSubject(email: string) {
  return `sub-${createHash('sha256').update(email).digest('hex').slice(0, 16)}`;
}

async function createPasswordUser(email: string, verified: boolean) {
  await getAuth().api.signUpEmail({ body: { email, password: 'a long and unusual passphrase', name: 'Existing' } });
  if (verified) await db.update(users).set({ emailVerified: true }).where(eq(users.email, email));
}

describe('OpenID Connect sign-in against a local provider', () => {
  it('creates a verified account for a new person and sends them to onboarding', async () => {
    const visitor = new Visitor();
    const email = uniqueEmail('oidc-new');
    const response = await signInThroughProvider(visitor, { email, name: 'Ada Lovelace' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/onboarding');
    const session = await getSessionFromHeaders(visitor.headers());
    expect(session?.user).toMatchObject({ email, name: 'Ada Lovelace', emailVerified: true });
    const linked = await db.select().from(accounts).where(eq(accounts.userId, session!.user.id));
    expect(linked.map((account) => account.providerId)).toEqual(['oidc']);
  });

  it('keeps a provider’s name with a line break on one line (users.name refuses control characters)', async () => {
    const visitor = new Visitor();
    const email = uniqueEmail('oidc-evil');
    const response = await signInThroughProvider(visitor, { email, name: 'Evil\r\nBcc: x@y \u202e' });
    expect(response.headers.get('location')).toBe('/onboarding');
    const [stored] = await db.select({ name: users.name }).from(users).where(eq(users.email, email));
    expect(stored!.name).toBe('Evil Bcc: x@y');
  });

  it('creates no account for a new person when the provider does not vouch for the email', async () => {
    const visitor = new Visitor();
    const email = uniqueEmail('oidc-new-unverified');
    const response = await signInThroughProvider(visitor, { email, emailVerified: false });
    expect(response.status).toBe(302);
    // better-auth adds error_description (the same code); the error page reads only `error`.
    const location = new URL(response.headers.get('location')!, 'http://localhost:3000');
    expect(location.pathname).toBe('/auth/error');
    expect(location.searchParams.get('error')).toBe('email_not_verified');
    expect(visitor.received.has('keel.session_token')).toBe(false);
    expect(await getSessionFromHeaders(visitor.headers())).toBeNull();
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
    expect(
      await db
        .select()
        .from(accounts)
        .where(eq(accounts.accountId, providerSubject(email))),
    ).toEqual([]);

    // Once the provider vouches for it, the same person gets their account (with that OAuth account).
    const vouched = await signInThroughProvider(new Visitor(), { email, emailVerified: true });
    expect(vouched.headers.get('location')).toBe('/onboarding');
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user?.emailVerified).toBe(true);
    expect(
      await db
        .select({ userId: accounts.userId })
        .from(accounts)
        .where(eq(accounts.accountId, providerSubject(email))),
    ).toEqual([{ userId: user!.id }]);
  });

  it('signs a returning person in to the same account', async () => {
    const email = uniqueEmail('oidc-again');
    await signInThroughProvider(new Visitor(), { email });
    const visitor = new Visitor();
    const response = await signInThroughProvider(visitor, { email });
    expect(response.headers.get('location')).toBe('/dashboard');
    expect((await db.select().from(users).where(eq(users.email, email))).length).toBe(1);
  });

  it('links to an existing verified account when the provider vouches for the email, and tells the owner', async () => {
    const email = uniqueEmail('oidc-link');
    await createPasswordUser(email, true);
    const visitor = new Visitor();
    await signInThroughProvider(visitor, { email, emailVerified: true });
    const session = await getSessionFromHeaders(visitor.headers());
    expect(session?.user.email).toBe(email);
    const providers = (await db.select().from(accounts).where(eq(accounts.userId, session!.user.id)))
      .map((a) => a.providerId)
      .sort();
    expect(providers).toEqual(['credential', 'oidc']);
    expect((await emailsTo(email)).map((message) => message.subject)).toContain(
      'A new sign-in method was added — Keel',
    );
  });

  it('refuses to link when the provider does not vouch for the email', async () => {
    const email = uniqueEmail('oidc-unverified');
    await createPasswordUser(email, true);
    const visitor = new Visitor();
    const response = await signInThroughProvider(visitor, { email, emailVerified: false });
    expect(response.headers.get('location')).toBe('/auth/error?error=account_not_linked');
    expect(await getSessionFromHeaders(visitor.headers())).toBeNull();
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect((await db.select().from(accounts).where(eq(accounts.userId, user!.id))).map((a) => a.providerId)).toEqual([
      'credential',
    ]);
  });

  it('refuses to link to an account whose owner never verified the address', async () => {
    const email = uniqueEmail('oidc-local-unverified');
    await createPasswordUser(email, false);
    const visitor = new Visitor();
    const response = await signInThroughProvider(visitor, { email, emailVerified: true });
    expect(response.headers.get('location')).toBe('/auth/error?error=account_not_linked');
    expect(await getSessionFromHeaders(visitor.headers())).toBeNull();
  });

  it('asks a person who turned on two-factor authentication for their code before letting them in', async () => {
    const email = uniqueEmail('oidc-2fa');
    const user = await createVerifiedUser({ email });
    const { secret } = await enableAuthenticator(user);
    const visitor = new Visitor();
    const response = await signInThroughProvider(visitor, { email, emailVerified: true });
    expect(response.headers.get('location')).toBe('/auth/two-factor?next=%2Fdashboard');
    expect(await getSessionFromHeaders(visitor.headers())).toBeNull();
    expect(await visitor.run(verifyTwoFactorCode, { code: await nextTotpCode(secret), next: '/dashboard' })).toEqual({
      redirect: '/dashboard',
    });
    expect((await getSessionFromHeaders(visitor.headers()))?.user.email).toBe(email);
  });

  it('sends a cancelled sign-in to the error page', async () => {
    const visitor = new Visitor();
    const callback = await authorizeAs(await startSignIn(visitor), { email: uniqueEmail(), deny: true });
    const response = await visitor.follow(callback, authLinks);
    expect(response.headers.get('location')).toMatch(/\/auth\/error\?error=access_denied/);
  });

  it('refuses a callback whose state was not issued to this browser', async () => {
    const victim = new Visitor();
    const callback = await authorizeAs(await startSignIn(new Visitor()), { email: uniqueEmail() });
    const response = await victim.follow(callback, authLinks);
    expect(response.headers.get('location')).toBe('/auth/error?error=state_mismatch');
    expect(await getSessionFromHeaders(victim.headers())).toBeNull();
  });
});
