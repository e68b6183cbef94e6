import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthHeader } from '@/features/auth/components/auth-header';
import { ResetPasswordForm } from '@/features/auth/components/reset-password-form';
import { AUTH_PAGES, authHref, firstValue } from '@/features/auth';
import { isPasswordResetTokenUsable } from '@/features/auth/server';
import { Button } from '@/ui/button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.resetPassword');
  // The address holds a secret token: keep it out of search engines.
  return { title: t('title'), robots: { index: false } };
}

type SearchParams = Promise<Record<'token', string | string[] | undefined>>;

/** Where the password reset email leads: a new password, or a clear way to ask again when the link is spent. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const token = firstValue((await searchParams).token) ?? '';
  const [t, usable] = await Promise.all([getTranslations('auth.resetPassword'), isPasswordResetTokenUsable(token)]);

  if (!usable) {
    return (
      <div className="space-y-6" data-testid="link-invalid">
        <AuthHeader title={t('invalidTitle')} description={t('invalidDescription')} />
        <Button asChild className="w-full">
          <Link href={AUTH_PAGES.forgotPassword}>{t('requestNew')}</Link>
        </Button>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <AuthHeader title={t('title')} description={t('description')} />
      <ResetPasswordForm
        token={token}
        permalink={authHref(AUTH_PAGES.resetPassword, { token })}
        requestNewHref={AUTH_PAGES.forgotPassword}
      />
    </div>
  );
}
