import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthFooter, AuthHeader } from '@/features/auth/components/auth-header';
import { MagicLinkForm } from '@/features/auth/components/email-link-forms';
import { OAuthButtons } from '@/features/auth/components/oauth-buttons';
import { SignUpForm } from '@/features/auth/components/sign-up-form';
import { authHref, firstValue, safeRedirectPath, emailField } from '@/features/auth';
import { MAGIC_LINK_MINUTES, redirectIfSignedIn } from '@/features/auth/server';
import { appConfig } from '@/platform/config/app-config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signUp.title') };
}

type SearchParams = Promise<Record<'next' | 'email', string | string[] | undefined>>;

/**
 * Create an account: email and password when passwords are on, otherwise an
 * emailed link (which creates the account when it is used); OAuth buttons first.
 * `?email=` prefills the address (the invitation page sends the invited one).
 */
export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeRedirectPath(firstValue(params.next), '');
  await redirectIfSignedIn(next);
  const t = await getTranslations('auth');
  const { password, magicLink } = appConfig.auth;
  const parsedEmail = emailField.safeParse(firstValue(params.email) ?? '');
  const email = parsedEmail.success ? parsedEmail.data : undefined;
  const permalink = authHref(appConfig.paths.signUp, { next, email });

  return (
    <div className="space-y-6">
      <AuthHeader title={t('signUp.title')} description={t('signUp.description', { siteName: appConfig.site.name })} />
      <OAuthButtons next={next} divider={password || magicLink} />
      {password ? (
        <SignUpForm next={next} permalink={permalink} email={email} />
      ) : magicLink ? (
        <MagicLinkForm
          next={next}
          permalink={permalink}
          minutes={MAGIC_LINK_MINUTES}
          description={t('signUp.magicLinkDescription')}
        />
      ) : null}
      {password && magicLink ? (
        <p className="text-center text-sm">
          <Link
            href={authHref(appConfig.paths.signIn, { method: 'magic-link', next })}
            className="font-medium text-link underline-offset-4 hover:underline"
          >
            {t('signUp.magicLinkInstead')}
          </Link>
        </p>
      ) : null}
      <AuthFooter>
        {t('signUp.haveAccount')}{' '}
        <Link
          href={authHref(appConfig.paths.signIn, { next })}
          className="font-medium text-link underline-offset-4 hover:underline"
        >
          {t('signUp.signIn')}
        </Link>
      </AuthFooter>
    </div>
  );
}
