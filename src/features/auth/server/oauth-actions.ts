'use server';

import { redirect } from 'next/navigation';
import { appConfig } from '@/platform/config/app-config';
import { defineAction } from '@/platform/http/action';
import { AppError } from '@/platform/http/errors';
import { AUTH_PAGES, landingPath } from '../paths';
import { safeRedirectPath } from '../redirect';
import { signInWithProviderSchema } from '../schemas';
import { getAuth } from './auth';
import { authErrorCode, callAuth } from './auth-call';

/**
 * Starts signing in (or up) with an OAuth provider: better-auth records the
 * state (PKCE verifier, where to return) and gives the provider's authorization
 * URL, which the browser is sent to. The provider comes back to
 * /api/auth/callback/<provider>, which signs the user in and continues to
 * `next` — or to onboarding for a new account, or /auth/error on failure.
 *
 * GitHub and Google are better-auth social providers; "oidc" is registered by
 * the genericOAuth plugin, which in better-auth 1.7 uses the same endpoint.
 */
export const signInWithProvider = defineAction({
  name: 'auth.signInWithProvider',
  input: signInWithProviderSchema,
  // Each start stores a state record: limit how fast one client can add them.
  rateLimit: { name: 'oauth-start', limit: 30, windowSeconds: 15 * 60 },
  handler: async ({ provider, next }, context) => {
    if (!appConfig.auth.oauthProviders.includes(provider)) throw new AppError('FORBIDDEN');
    let result;
    try {
      result = await callAuth(context, (headers) =>
        getAuth().api.signInSocial({
          body: {
            provider,
            callbackURL: safeRedirectPath(next, appConfig.paths.dashboard),
            newUserCallbackURL: landingPath({ onboardedAt: null }, next),
            errorCallbackURL: AUTH_PAGES.error,
            disableRedirect: true,
          },
          headers,
          returnHeaders: true,
        }),
      );
    } catch (error) {
      // Configured but unusable — an OpenID provider whose discovery document could not be
      // read, say: the operator reads why in the log, the user a calm "try again shortly".
      if (authErrorCode(error) !== 'PROVIDER_NOT_FOUND') throw error;
      context.logger.error({ provider }, 'OAuth provider unavailable (see the better-auth error above)');
      throw new AppError('SERVICE_UNAVAILABLE');
    }
    if (!result.url) throw new Error(`better-auth returned no authorization URL for ${provider}`);
    redirect(result.url);
  },
});
