import 'server-only';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { APIError } from 'better-auth/api';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { count, eq } from 'drizzle-orm';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { magicLink } from 'better-auth/plugins/magic-link';
import { twoFactor } from 'better-auth/plugins/two-factor';
import { appConfig } from '@/platform/config/app-config';
import { getServerConfig } from '@/platform/config/server-config';
import { db } from '@/platform/db/client';
import { toSingleLine } from '@/platform/http/text-fields';
import { isLocale } from '@/platform/i18n/locale';
import { logger } from '@/platform/logger';
import { consumeRateLimit } from '@/platform/rate-limit/rate-limit';
import { CLIENT_IP_HEADER } from './auth-headers';
import { isBannedUser, USER_BANNED } from './bans';
import { auditSignIns, recordSecurityEvent, requestFactsOf } from './audit-events';
import { recordEmailChangeLink, revokeAccountLinks } from './emailed-links';
import { knownDevices } from './known-device';
import { secondFactorGate } from './second-factor-gate';
import { forgetTrustedDevices } from './sessions';
import { singleUseAuthenticatorCodes } from './single-use-codes';
import { sendAccountEmail, localeOfRequest } from './emails';
import { accounts, sessions, twoFactors, users, verifications } from './schema';

/** How long a sign-in lasts without activity, and how often its expiry moves forward. */
export const SESSION_LIFETIME_SECONDS = 30 * 24 * 60 * 60;
export const MAGIC_LINK_MINUTES = 15;
export const EMAIL_VERIFICATION_HOURS = 24;

/** Names shown for OAuth providers (in emails and on the settings page). */
export const PROVIDER_NAMES: Record<string, string> = {
  github: 'GitHub',
  google: 'Google',
  oidc: 'Single sign-on',
  credential: 'Password',
};

function createAuth() {
  const config = getServerConfig();
  const { oauth } = config;

  const options = {
    appName: appConfig.site.name,
    baseURL: appConfig.site.url,
    secret: config.appSecret,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications, twoFactor: twoFactors },
      transaction: true,
    }),
    // Our actions and the link endpoints check the origin themselves; the host the
    // request came to is allowed as well as the configured site URL.
    trustedOrigins: (request) => {
      const origins = [appConfig.site.url];
      const host = request?.headers.get('host');
      if (host) origins.push(`${request!.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http'}://${host}`);
      return origins;
    },
    emailAndPassword: {
      enabled: appConfig.auth.password,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      requireEmailVerification: appConfig.features.emailVerificationRequired,
      autoSignIn: !appConfig.features.emailVerificationRequired,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, token }, request) => {
        const url = new URL('/auth/reset-password', appConfig.site.url);
        url.searchParams.set('token', token);
        await sendAccountEmail('passwordReset', user.email, localeOfRequest(request, user), { url: url.toString() });
      },
      onPasswordReset: async ({ user }, request) => {
        await recordSecurityEvent('auth.passwordReset', user.id, { request: requestFactsOf(request?.headers) });
        // No link sent before the new password keeps working (the other reset links, magic links…), and no device skips
        // the code.
        await revokeAccountLinks(user.id);
        await forgetTrustedDevices(user.id);
        await sendAccountEmail('passwordChanged', user.email, localeOfRequest(request, user), {
          url: appConfig.site.url,
        }).catch(() => undefined);
      },
      onExistingUserSignUp: async ({ user }, request) => {
        await sendAccountEmail('existingAccount', user.email, localeOfRequest(request, user), {
          url: new URL(appConfig.paths.signIn, appConfig.site.url).toString(),
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      // An unconfirmed account that signs in with its password gets a fresh link.
      sendOnSignIn: true,
      // The link proves the mailbox, not the password: whoever follows it still signs in
      // (with the password, and the second factor when on). So a link opened by a mail
      // scanner signs nobody in, and someone who registered the address first with a
      // password of their own cannot get the real owner signed in to that account.
      autoSignInAfterVerification: false,
      expiresIn: EMAIL_VERIFICATION_HOURS * 60 * 60,
      sendVerificationEmail: async ({ user, url, token }, request) => {
        // An email change sends the verification to the new address: the stored one differs.
        const current = await findUserEmail(user.id);
        const locale = localeOfRequest(request, user);
        if (current && current !== user.email.toLowerCase()) {
          // Recorded so that the link works once and can be ended (see emailed-links.ts).
          await recordEmailChangeLink(user.id, token, new Date(Date.now() + EMAIL_VERIFICATION_HOURS * 60 * 60 * 1000));
          await sendAccountEmail('emailChangeNew', user.email, locale, { url, newEmail: user.email });
          return;
        }
        // A sign-up is confirmed on our page, with the account's password (see confirmEmail).
        const next = new URL(url).searchParams.get('callbackURL');
        const confirm = new URL('/auth/confirm-email', appConfig.site.url);
        confirm.searchParams.set('token', token);
        const after = next ? new URL(next, appConfig.site.url).searchParams.get('next') : null;
        if (after) confirm.searchParams.set('next', after);
        await sendAccountEmail('verifyEmail', user.email, locale, { url: confirm.toString() });
      },
    },
    user: {
      modelName: 'user',
      // An OAuth provider that does not vouch for the address cannot create an account
      // claiming it while addresses must be confirmed (the error page explains).
      validateUserInfo: ({ user, source }) => {
        if (
          source.action === 'create-user' &&
          source.method === 'oauth' &&
          appConfig.features.emailVerificationRequired &&
          !user.emailVerified
        ) {
          return { error: 'email_not_verified' };
        }
      },
      additionalFields: {
        locale: { type: 'string', required: false, input: false },
        theme: { type: 'string', required: false, input: false },
        onboardedAt: { type: 'date', required: false, input: false },
        // Set by a super admin (src/features/admin): read with every session, so a ban holds at once.
        bannedAt: { type: 'date', required: false, input: false },
        banExpiresAt: { type: 'date', required: false, input: false },
      },
      changeEmail: { enabled: true },
      deleteUser: { enabled: true },
    },
    session: {
      expiresIn: SESSION_LIFETIME_SECONDS,
      updateAge: 24 * 60 * 60,
      // No cookie cache: every request reads the session, so a revoked one stops working at once.
      cookieCache: { enabled: false },
      // The super admin who opened the session as the user (impersonated-sessions.ts); read with every session.
      additionalFields: { impersonatedBy: { type: 'string', required: false, input: false } },
    },
    account: {
      accountLinking: {
        enabled: true,
        // Link an OAuth identity to an existing account only when the provider vouches for the email.
        trustedProviders: [],
        allowDifferentEmails: false,
      },
      encryptOAuthTokens: true,
    },
    socialProviders: {
      ...(oauth.github ? { github: { clientId: oauth.github.clientId, clientSecret: oauth.github.clientSecret } } : {}),
      ...(oauth.google ? { google: { clientId: oauth.google.clientId, clientSecret: oauth.google.clientSecret } } : {}),
    },
    rateLimit: {
      // Our actions limit sign-in, sign-up and the rest themselves (see the *-actions.ts files); this
      // covers the link endpoints served by /api/auth, in PostgreSQL like every limit.
      enabled: true,
      window: 60,
      max: 30,
      customStorage: {
        consume: async (key, rule) => {
          const outcome = await consumeRateLimit(
            { name: 'auth-endpoint', limit: rule.max, windowSeconds: rule.window },
            key,
          );
          return { allowed: outcome.allowed, retryAfter: outcome.allowed ? null : outcome.retryAfterSeconds };
        },
      },
    },
    advanced: {
      cookiePrefix: 'keel',
      useSecureCookies: config.isProduction,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      // The client address Keel computed (TRUST_PROXY rules), never one a client sent.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => crypto.randomUUID() },
    },
    onAPIError: { errorURL: '/auth/error' },
    logger: {
      log: (level, message, ...args) => {
        logger[level]({ source: 'better-auth', details: args.length > 0 ? args : undefined }, message);
      },
    },
    databaseHooks: {
      // A name from an OAuth provider's profile is not validated by our forms: kept to one line, as the users.name
      // CHECK requires.
      user: {
        create: { before: async (user) => ({ data: { ...user, name: toSingleLine(user.name ?? '') } }) },
        update: {
          before: async (user) =>
            typeof user.name === 'string' ? { data: { ...user, name: toSingleLine(user.name) } } : undefined,
        },
      },
      // A banned user gets no session, whichever way they sign in (password, link, provider, second factor).
      session: {
        create: {
          before: async (session) => {
            if (await isBannedUser(session.userId)) throw new APIError('FORBIDDEN', { code: USER_BANNED });
          },
        },
      },
      account: {
        create: {
          after: async (account) => {
            if (account.providerId === 'credential') return;
            await notifySignInMethodAdded(account.userId, account.providerId);
          },
        },
      },
    },
    plugins: [
      twoFactor({
        issuer: appConfig.site.name,
        // Users without a password (magic link, OAuth) confirm with a current code instead; see two-factor-actions.ts.
        allowPasswordless: true,
        backupCodeOptions: { amount: 10, length: 10 },
      }),
      // Each authenticator code works once (the plugin accepts it while it is current).
      singleUseAuthenticatorCodes(),
      // …and after a magic link or an OAuth sign-in too, not only after a password.
      secondFactorGate(),
      magicLink({
        expiresIn: MAGIC_LINK_MINUTES * 60,
        storeToken: 'hashed',
        sendMagicLink: async ({ email, token, metadata }, context) => {
          const url = new URL('/auth/magic-link', appConfig.site.url);
          url.searchParams.set('token', token);
          const next = (context?.body as { callbackURL?: string } | undefined)?.callbackURL;
          if (next) url.searchParams.set('next', next);
          // The link offered to the owner after too many wrong passwords (sign-in-throttle.ts) says why it came.
          if (metadata?.reason === 'sign-in-attempts') {
            const locale = isLocale(metadata.locale) ? metadata.locale : appConfig.locales.default;
            await sendAccountEmail('signInAttempts', email, locale, {
              url: url.toString(),
              minutes: MAGIC_LINK_MINUTES,
            });
            return;
          }
          await sendAccountEmail('magicLink', email, localeOfRequest(context?.request), {
            url: url.toString(),
            minutes: MAGIC_LINK_MINUTES,
          });
        },
      }),
      ...(oauth.oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: 'oidc',
                  discoveryUrl: `${oauth.oidc.issuerUrl}/.well-known/openid-configuration`,
                  clientId: oauth.oidc.clientId,
                  clientSecret: oauth.oidc.clientSecret,
                  scopes: ['openid', 'email', 'profile'],
                  pkce: true,
                },
              ],
            }),
          ]
        : []),
      // Last, after the plugins that hold a session back for the second factor.
      knownDevices(),
      auditSignIns(),
    ],
  } satisfies BetterAuthOptions;

  return betterAuth(options);
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { keelAuth?: Auth };

/** The better-auth instance, created on first use (server configuration is read then). */
export function getAuth(): Auth {
  return (globalForAuth.keelAuth ??= createAuth());
}

async function findUserEmail(userId: string): Promise<string | null> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.email.toLowerCase() ?? null;
}

/**
 * Tells the owner that a new way to sign in was added to their account (an
 * OAuth identity linked). Not for the account's first method: a brand-new user
 * gets no such notice.
 */
async function notifySignInMethodAdded(userId: string, providerId: string) {
  const [user] = await db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  const [methods] = await db.select({ total: count() }).from(accounts).where(eq(accounts.userId, userId));
  if (!user || (methods?.total ?? 0) < 2) return;
  await sendAccountEmail('signInMethodAdded', user.email, localeOfRequest(undefined, user), {
    provider: PROVIDER_NAMES[providerId] ?? providerId,
    url: new URL('/settings/security', appConfig.site.url).toString(),
  }).catch((error: unknown) => logger.warn({ err: error, userId }, 'sign-in method notice not sent'));
}
