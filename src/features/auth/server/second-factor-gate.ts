import 'server-only';
import type { BetterAuthPlugin } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
import { deleteSessionCookie } from 'better-auth/cookies';
import { generateRandomString } from 'better-auth/crypto';
import { safeRedirectPath } from '../redirect';

/** How long a pending sign-in waits for its code (better-auth's default for password sign-ins). */
const CHALLENGE_SECONDS = 10 * 60;

/** better-auth endpoints that sign in without a password: the magic link and OAuth callbacks. */
function isPasswordlessSignIn(path: string | undefined) {
  return path === '/magic-link/verify' || Boolean(path?.startsWith('/callback/'));
}

/**
 * better-auth's two-factor plugin asks for the code after a password sign-in
 * only. This plugin asks for it after the other ways in too: when a magic link
 * or an OAuth provider signs in someone who turned on two-factor
 * authentication, the new session is dropped and the same pending challenge a
 * password sign-in gets is set up (the plugin's `two_factor` cookie and
 * verification rows), so /auth/two-factor and its actions finish the sign-in.
 */
export function secondFactorGate(): BetterAuthPlugin {
  return {
    id: 'keel-second-factor-gate',
    hooks: {
      after: [
        {
          matcher: (context) => isPasswordlessSignIn(context.path),
          handler: createAuthMiddleware(async (ctx) => {
            const signedIn = ctx.context.newSession as {
              user: { id: string; twoFactorEnabled?: boolean | null };
              session: { token: string };
            } | null;
            if (!signedIn?.user.twoFactorEnabled) return;

            deleteSessionCookie(ctx, true);
            await ctx.context.internalAdapter.deleteSession(signedIn.session.token);
            ctx.context.setNewSession(null);

            const identifier = `2fa-${generateRandomString(20)}`;
            const expiresAt = new Date(Date.now() + CHALLENGE_SECONDS * 1000);
            await ctx.context.internalAdapter.createVerificationValue({
              value: signedIn.user.id,
              identifier,
              expiresAt,
            });
            await ctx.context.internalAdapter.createVerificationValue({
              value: '0',
              identifier: `2fa-attempts-${identifier}`,
              expiresAt,
            });
            const cookie = ctx.context.createAuthCookie('two_factor', { maxAge: CHALLENGE_SECONDS });
            await ctx.setSignedCookie(cookie.name, identifier, ctx.context.secret, cookie.attributes);

            if (ctx.path === '/magic-link/verify' && !ctx.query?.callbackURL)
              return ctx.json({ twoFactorRedirect: true });
            // An OAuth callback was about to redirect to its callbackURL: go there after the code.
            const returned = ctx.context.returned as { headers?: HeadersInit } | undefined;
            const location = returned?.headers ? new Headers(returned.headers).get('location') : null;
            const next = location ? new URL(location, ctx.context.baseURL) : null;
            const target =
              next && next.origin === new URL(ctx.context.baseURL).origin ? `${next.pathname}${next.search}` : null;
            throw ctx.redirect(`/auth/two-factor?next=${encodeURIComponent(safeRedirectPath(target))}`);
          }),
        },
      ],
    },
  };
}
