import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthHeader } from '@/features/auth/components/auth-header';
import { firstValue } from '@/features/auth';
import { appConfig } from '@/platform/config/app-config';
import { Button } from '@/ui/button';

/** better-auth's error codes (OAuth callbacks, mostly), grouped by what the visitor can do about them. */
const MESSAGES = {
  access_denied: 'access_denied',
  state_mismatch: 'state_mismatch',
  state_not_found: 'state_mismatch',
  please_restart_the_process: 'state_mismatch',
  email_not_verified: 'email_not_verified',
  email_not_found: 'email_not_found',
  account_not_linked: 'account_not_linked',
  account_already_linked_to_different_user: 'already_linked',
  signup_disabled: 'signup_disabled',
  new_user_signup_disabled: 'signup_disabled',
} as const;

type Known = keyof typeof MESSAGES;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.error');
  return { title: t('title') };
}

/** Where a failed sign-in (an OAuth provider's refusal, say) lands: a translated explanation, never the raw error. */
export default async function AuthErrorPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string | string[] }>;
}) {
  const [params, t] = await Promise.all([searchParams, getTranslations('auth.error')]);
  const error = firstValue(params.error)?.toLowerCase() ?? '';
  const code = Object.hasOwn(MESSAGES, error) ? MESSAGES[error as Known] : 'unknown';
  return (
    <div className="space-y-6 text-center">
      {/* The explanation in the header, as on the other account pages' cards. */}
      <AuthHeader title={t('title')} description={<span data-error-code={code}>{t(`codes.${code}`)}</span>} />
      <Button asChild className="w-full">
        <Link href={appConfig.paths.signIn}>{t('backToSignIn')}</Link>
      </Button>
    </div>
  );
}
