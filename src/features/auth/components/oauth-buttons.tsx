import { getTranslations } from 'next-intl/server';
import { appConfig } from '@/platform/config/app-config';
import { AuthDivider } from './auth-header';
import { OAuthProviderButton } from './oauth-provider-button';

/**
 * One button per OAuth provider switched on in the configuration
 * (NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS), each posting to `signInWithProvider`.
 * Renders nothing when there is none. `divider` adds an "or" line below, for
 * pages that show other ways to sign in after the buttons.
 */
export async function OAuthButtons({ next, divider = false }: { next: string; divider?: boolean }) {
  const providers = appConfig.auth.oauthProviders;
  if (providers.length === 0) return null;
  const t = await getTranslations('auth');
  return (
    <div className="space-y-6">
      <ul className="space-y-2" aria-label={t('oauth.label')}>
        {providers.map((provider) => (
          <li key={provider}>
            <OAuthProviderButton provider={provider} next={next} label={t(`oauth.${provider}`)} />
          </li>
        ))}
      </ul>
      {divider ? <AuthDivider label={t('or')} /> : null}
    </div>
  );
}
