import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { AuthHeader } from '@/features/auth/components/auth-header';
import { ConfirmEmailForm } from '@/features/auth/components/confirm-email-form';
import { AUTH_PAGES, authHref, firstValue, safeRedirectPath } from '@/features/auth';
import { signUpConfirmation } from '@/features/auth/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.confirmEmail');
  // The address holds a secret token: keep it out of search engines.
  return { title: t('title'), robots: { index: false } };
}

type SearchParams = Promise<Record<'token' | 'next', string | string[] | undefined>>;

/**
 * Where the sign-up confirmation email leads: the account's password confirms
 * the address and signs in (reading this page changes nothing). A spent or
 * forged link goes to the "could not confirm" page, which offers a new one.
 */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = firstValue(params.token) ?? '';
  const next = safeRedirectPath(firstValue(params.next), '');
  const confirmation = token ? await signUpConfirmation(token) : null;
  if (!confirmation) redirect(authHref(AUTH_PAGES.verified, { error: 'INVALID_TOKEN', next }));
  // Already confirmed (the link was used): nothing left but signing in.
  if (confirmation.verified) redirect(authHref(AUTH_PAGES.verified, { next }));
  const { email } = confirmation;

  const t = await getTranslations('auth.confirmEmail');
  return (
    <div className="space-y-6">
      <AuthHeader title={t('title')} description={t('description', { email })} />
      <ConfirmEmailForm
        token={token}
        next={next}
        email={email}
        permalink={authHref(AUTH_PAGES.confirmEmail, { token, next })}
      />
      <p className="text-center text-sm text-muted-foreground">{t('why')}</p>
    </div>
  );
}
