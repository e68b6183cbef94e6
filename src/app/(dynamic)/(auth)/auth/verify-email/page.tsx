import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthFooter, AuthHeader } from '@/features/auth/components/auth-header';
import { ResendVerificationForm } from '@/features/auth/components/resend-verification-form';
import { AUTH_PAGES, authHref, firstValue, safeRedirectPath, emailField } from '@/features/auth';
import { appConfig } from '@/platform/config/app-config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.verifyEmail');
  return { title: t('title') };
}

type SearchParams = Promise<Record<'email' | 'next', string | string[] | undefined>>;

/** After signing up (or signing in unconfirmed): "check your inbox", and a button to send the email again. */
export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const parsed = emailField.safeParse(firstValue(params.email) ?? '');
  const email = parsed.success ? parsed.data : undefined;
  const next = safeRedirectPath(firstValue(params.next), '');
  const t = await getTranslations('auth.verifyEmail');
  return (
    <div className="space-y-6">
      <AuthHeader title={t('title')} description={email ? t('description', { email }) : t('descriptionWithoutEmail')} />
      <p className="text-center text-sm text-muted-foreground">{t('notThere')}</p>
      <ResendVerificationForm email={email} next={next} permalink={authHref(AUTH_PAGES.verifyEmail, { email, next })} />
      <AuthFooter>
        {t('wrongAddress')}{' '}
        <Link
          href={authHref(appConfig.paths.signUp, { next })}
          className="font-medium text-link underline-offset-4 hover:underline"
        >
          {t('startOver')}
        </Link>
      </AuthFooter>
    </div>
  );
}
