import { CircleCheck } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthHeader } from '@/features/auth/components/auth-header';
import { ResendVerificationForm } from '@/features/auth/components/resend-verification-form';
import { AUTH_PAGES, authHref, firstValue, landingPath, safeRedirectPath } from '@/features/auth';
import { getUser } from '@/features/auth/server';
import { appConfig } from '@/platform/config/app-config';
import { Button } from '@/ui/button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.verified');
  return { title: t('title'), robots: { index: false } };
}

type SearchParams = Promise<Record<'next' | 'error', string | string[] | undefined>>;

/**
 * Where the confirmation link lands (better-auth redirects here, signed in,
 * or with ?error=INVALID_TOKEN / TOKEN_EXPIRED when the link is bad).
 */
export default async function VerifiedPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeRedirectPath(firstValue(params.next), '');
  const error = firstValue(params.error)?.toUpperCase();
  const t = await getTranslations('auth.verified');

  if (error) {
    return (
      <div className="space-y-6" data-testid="link-invalid">
        <AuthHeader title={t('failedTitle')} description={error === 'TOKEN_EXPIRED' ? t('expired') : t('invalid')} />
        <p className="text-center text-sm text-muted-foreground">{t('askAgain')}</p>
        <ResendVerificationForm next={next} permalink={authHref(AUTH_PAGES.verified, { error, next })} />
      </div>
    );
  }

  const user = await getUser();
  return (
    <div className="space-y-6">
      <CircleCheck aria-hidden className="mx-auto size-10 text-success" />
      <AuthHeader title={t('title')} description={t('description')} />
      <Button asChild className="w-full">
        {user ? (
          <Link href={landingPath(user, next, appConfig.paths.dashboard)}>{t('continue')}</Link>
        ) : (
          <Link href={authHref(appConfig.paths.signIn, { next })}>{t('signInToContinue')}</Link>
        )}
      </Button>
    </div>
  );
}
