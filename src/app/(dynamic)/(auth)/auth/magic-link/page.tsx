import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthHeader } from '@/features/auth/components/auth-header';
import { MagicLinkConfirmForm } from '@/features/auth/components/magic-link-confirm-form';
import { AUTH_PAGES, authHref, firstValue, safeRedirectPath } from '@/features/auth';
import { MAGIC_LINK_MINUTES, magicLinkEmail } from '@/features/auth/server';
import { appConfig } from '@/platform/config/app-config';
import { Button } from '@/ui/button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.magicLink.landing');
  return { title: t('submit'), robots: { index: false } };
}

type SearchParams = Promise<Record<'token' | 'next', string | string[] | undefined>>;

/**
 * Where the magic-link email leads. Opening the page uses nothing: the button
 * does (mail scanners open links but do not press buttons).
 */
export default async function MagicLinkPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = firstValue(params.token) ?? '';
  const next = safeRedirectPath(firstValue(params.next), '');
  const [t, email] = await Promise.all([getTranslations('auth.magicLink.landing'), magicLinkEmail(token)]);
  const requestNewHref = authHref(appConfig.paths.signIn, {
    method: appConfig.auth.password ? 'magic-link' : undefined,
    next,
  });

  if (!email) {
    return (
      <div className="space-y-6" data-testid="link-invalid">
        <AuthHeader title={t('invalidTitle')} description={t('invalidDescription', { minutes: MAGIC_LINK_MINUTES })} />
        <Button asChild className="w-full">
          <Link href={requestNewHref}>{t('requestNew')}</Link>
        </Button>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <AuthHeader title={t('title', { siteName: appConfig.site.name })} description={t('description')} />
      <p className="rounded-md bg-muted px-3 py-2 text-center text-sm break-words">{t('signInAs', { email })}</p>
      <MagicLinkConfirmForm
        token={token}
        next={next}
        permalink={authHref(AUTH_PAGES.magicLink, { token, next })}
        requestNewHref={requestNewHref}
      />
      <p className="text-xs text-muted-foreground">{t('why')}</p>
    </div>
  );
}
