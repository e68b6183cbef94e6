import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthFooter, AuthHeader } from '@/features/auth/components/auth-header';
import { RecoveryCodeForm, TwoFactorCodeForm } from '@/features/auth/components/two-factor-forms';
import { AUTH_PAGES, authHref, firstValue, safeRedirectPath } from '@/features/auth';
import { hasPendingTwoFactor } from '@/features/auth/server';
import { appConfig } from '@/platform/config/app-config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.twoFactor');
  return { title: t('title') };
}

type SearchParams = Promise<Record<'next' | 'method', string | string[] | undefined>>;

/** The second step of signing in for accounts with two-factor authentication: a code, or a recovery code. */
export default async function TwoFactorPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeRedirectPath(firstValue(params.next), '');
  // Only reachable right after the password step; otherwise there is nothing to verify.
  if (!(await hasPendingTwoFactor())) redirect(authHref(appConfig.paths.signIn, { next }));
  const recovery = firstValue(params.method) === 'recovery';
  const t = await getTranslations('auth.twoFactor');
  const linkClass = 'font-medium text-link underline-offset-4 hover:underline';

  return (
    <div className="space-y-6">
      {recovery ? (
        <>
          <AuthHeader title={t('recoveryTitle')} description={t('recoveryDescription')} />
          <RecoveryCodeForm next={next} permalink={authHref(AUTH_PAGES.twoFactor, { method: 'recovery', next })} />
          <p className="text-center text-sm">
            <Link href={authHref(AUTH_PAGES.twoFactor, { next })} replace className={linkClass}>
              {t('useApp')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <AuthHeader title={t('title')} description={t('description')} />
          <TwoFactorCodeForm next={next} permalink={authHref(AUTH_PAGES.twoFactor, { next })} />
          <p className="text-center text-sm">
            <Link href={authHref(AUTH_PAGES.twoFactor, { method: 'recovery', next })} replace className={linkClass}>
              {t('useRecoveryCode')}
            </Link>
          </p>
        </>
      )}
      <AuthFooter>
        <Link href={authHref(appConfig.paths.signIn, { next })} className={linkClass}>
          {t('otherAccount')}
        </Link>
      </AuthFooter>
    </div>
  );
}
