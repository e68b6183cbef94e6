import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { appConfig } from '@/platform/config/app-config';
import { Button } from '@/ui/button';

const KNOWN_CODES = ['access_denied', 'state_mismatch', 'email_not_verified', 'account_not_linked'] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.error');
  return { title: t('title') };
}

/** Where a failed sign-in (an OAuth provider's refusal, say) lands: a translated explanation, never the raw error. */
export default async function AuthErrorPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const [{ error }, t] = await Promise.all([searchParams, getTranslations('auth.error')]);
  const code = KNOWN_CODES.find((known) => known === error) ?? 'unknown';
  return (
    <div className="space-y-4 text-center">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="text-muted-foreground" data-error-code={code}>
        {t(`codes.${code}`)}
      </p>
      <Button asChild className="w-full">
        <Link href={appConfig.paths.signIn}>{t('backToSignIn')}</Link>
      </Button>
    </div>
  );
}
