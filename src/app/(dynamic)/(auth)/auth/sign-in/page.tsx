import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthFooter, AuthHeader } from '@/features/auth/components/auth-header';
import { MagicLinkForm } from '@/features/auth/components/email-link-forms';
import { OAuthButtons } from '@/features/auth/components/oauth-buttons';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { SignInMethodSwitch } from '@/features/auth/components/sign-in-method-switch';
import { AUTH_PAGES, authHref, firstValue, safeRedirectPath, emailField } from '@/features/auth';
import { MAGIC_LINK_MINUTES, redirectIfSignedIn } from '@/features/auth/server';
import { appConfig } from '@/platform/config/app-config';
import { Alert, AlertDescription } from '@/ui/alert';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signIn.submit') };
}

type SearchParams = Promise<Record<'next' | 'method' | 'reset' | 'email', string | string[] | undefined>>;

/**
 * Sign in with a password or an emailed link (whichever the configuration allows), or an OAuth provider.
 * `?email=` prefills the password form's address (the invitation page sends the invited one).
 */
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeRedirectPath(firstValue(params.next), '');
  await redirectIfSignedIn(next);
  const t = await getTranslations('auth');
  const { password, magicLink } = appConfig.auth;
  const parsedEmail = emailField.safeParse(firstValue(params.email) ?? '');
  const email = parsedEmail.success ? parsedEmail.data : undefined;
  const wantsLink = firstValue(params.method) === 'magic-link';
  const method = password && (!magicLink || !wantsLink) ? 'password' : magicLink ? 'magic-link' : null;
  const hrefFor = (choice: 'password' | 'magic-link') =>
    authHref(appConfig.paths.signIn, {
      method: choice === 'magic-link' && password ? 'magic-link' : undefined,
      email,
      next,
    });
  const permalink = method ? hrefFor(method) : appConfig.paths.signIn;

  return (
    <div className="space-y-6">
      <AuthHeader title={t('signIn.title', { siteName: appConfig.site.name })} description={t('signIn.description')} />
      {firstValue(params.reset) === '1' ? (
        <Alert variant="success">
          <AlertDescription>
            <p>{t('signIn.passwordChanged')}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <OAuthButtons next={next} divider={method !== null} />
      {password && magicLink && method ? (
        <SignInMethodSwitch
          label={t('signIn.methods')}
          current={method}
          options={[
            { key: 'password', label: t('signIn.withPassword'), href: hrefFor('password') },
            { key: 'magic-link', label: t('signIn.withMagicLink'), href: hrefFor('magic-link') },
          ]}
        />
      ) : null}
      {method === 'password' ? (
        <SignInForm
          next={next}
          permalink={permalink}
          email={email}
          forgotPasswordHref={authHref(AUTH_PAGES.forgotPassword, { next })}
        />
      ) : method === 'magic-link' ? (
        <MagicLinkForm next={next} permalink={permalink} minutes={MAGIC_LINK_MINUTES} />
      ) : null}
      <AuthFooter>
        {t('signIn.noAccount', { siteName: appConfig.site.name })}{' '}
        <Link
          href={authHref(appConfig.paths.signUp, { next })}
          className="font-medium text-link underline-offset-4 hover:underline"
        >
          {t('signIn.signUp')}
        </Link>
      </AuthFooter>
    </div>
  );
}
