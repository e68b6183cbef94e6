import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import {
  DeleteAccountDialog,
  EmailChangeForm,
  RECENT_SIGN_IN_MINUTES,
  SettingsSection,
  hasPassword,
  pendingEmailChange,
  requireUser,
} from '@/features/auth/server';
import { appConfig } from '@/platform/config/app-config';
import { Alert, AlertDescription } from '@/ui/alert';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.account');
  return { title: t('title') };
}

export default async function AccountSettingsPage({ searchParams }: { searchParams: Promise<{ email?: string; error?: string }> }) {
  const user = await requireUser();
  const [t, format, query, withPassword, pending] = await Promise.all([
    getTranslations('settings.account'),
    getFormatter(),
    searchParams,
    hasPassword(user.id),
    pendingEmailChange(user.id, user.email),
  ]);
  // The confirmation link of an email change lands here (?email=confirmed, plus &error=… when it failed).
  const linkOutcome = query.email === 'confirmed' ? (query.error ? 'failed' : 'confirmed') : null;

  return (
    <>
      <SettingsSection title={t('email.title')} description={t('email.current', { email: user.email })}>
        <div className="grid gap-4">
          {linkOutcome === 'confirmed' ? (
            <Alert variant="success">
              <AlertDescription>
                <p>{t('email.confirmed', { email: user.email })}</p>
              </AlertDescription>
            </Alert>
          ) : null}
          {linkOutcome === 'failed' ? (
            <Alert variant="destructive">
              <AlertDescription>
                <p>{t('email.linkFailed')}</p>
              </AlertDescription>
            </Alert>
          ) : null}
          {pending ? (
            <Alert data-testid="pending-email-change">
              <AlertDescription>
                <p>{t('email.pending', { email: pending.email, expiresAt: format.dateTime(pending.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
              </AlertDescription>
            </Alert>
          ) : null}
          <EmailChangeForm requirePassword={withPassword} />
        </div>
      </SettingsSection>
      {appConfig.features.accountDeletion ? (
        <SettingsSection title={t('delete.title')} description={t('delete.description')} tone="danger">
          <DeleteAccountDialog email={user.email} requirePassword={withPassword} recentSignInMinutes={RECENT_SIGN_IN_MINUTES} />
        </SettingsSection>
      ) : null}
    </>
  );
}
