import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthFooter, AuthHeader } from '@/features/auth/components/auth-header';
import { ForgotPasswordForm } from '@/features/auth/components/email-link-forms';
import { AUTH_PAGES, authHref, firstValue } from '@/features/auth';
import { appConfig } from '@/platform/config/app-config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.forgotPassword');
  return { title: t('title') };
}

type SearchParams = Promise<Record<'next', string | string[] | undefined>>;

/** Asks for a reset link; the answer never reveals whether the address has an account. */
export default async function ForgotPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const next = firstValue((await searchParams).next);
  const t = await getTranslations('auth.forgotPassword');
  return (
    <div className="space-y-6">
      <AuthHeader title={t('title')} description={t('description')} />
      <ForgotPasswordForm permalink={authHref(AUTH_PAGES.forgotPassword, { next })} />
      <AuthFooter>
        {t('rememberIt')}{' '}
        <Link
          href={authHref(appConfig.paths.signIn, { next })}
          className="font-medium text-link underline-offset-4 hover:underline"
        >
          {t('backToSignIn')}
        </Link>
      </AuthFooter>
    </div>
  );
}
