import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DeleteAccountDialog } from '@/features/auth/components/settings/delete-account-dialog';
import { EmailChangeForm } from '@/features/auth/components/settings/email-change-form';
import { SettingsSection } from '@/features/auth/components/settings/settings-section';
import { RECENT_SIGN_IN_MINUTES, hasPassword, pendingEmailChange, requireUser } from '@/features/auth/server';
import { dashboardPath, soleOwnedOrganizations } from '@/features/organizations/server';
import { appConfig } from '@/platform/config/app-config';
import { Alert, AlertDescription, AlertTitle } from '@/ui/alert';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.account');
  return { title: t('title') };
}

export default async function AccountSettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string; error?: string }>;
}) {
  const user = await requireUser();
  const [t, tOrganizations, format, query, withPassword, pending, soleOwned] = await Promise.all([
    getTranslations('settings.account'),
    getTranslations('organizations.accountDeletion'),
    getFormatter(),
    searchParams,
    hasPassword(user.id),
    pendingEmailChange(user.id, user.email),
    appConfig.features.accountDeletion ? soleOwnedOrganizations(user.id) : [],
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
                <p>
                  {t('email.pending', {
                    email: pending.email,
                    expiresAt: format.dateTime(pending.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  })}
                </p>
              </AlertDescription>
            </Alert>
          ) : null}
          <EmailChangeForm requirePassword={withPassword} />
        </div>
      </SettingsSection>
      {appConfig.features.accountDeletion ? (
        <SettingsSection title={t('delete.title')} description={t('delete.description')} tone="danger">
          <div className="grid gap-4">
            {/*
              The server refuses anyway (the database keeps an owner in every organization); this says why beforehand.
            */}
            {soleOwned.length > 0 ? (
              <Alert variant="warning" data-testid="sole-owner-notice">
                <AlertTitle>{tOrganizations('title', { count: soleOwned.length })}</AlertTitle>
                <AlertDescription>
                  <p>{tOrganizations('description', { count: soleOwned.length })}</p>
                  <ul className="list-disc pl-5">
                    {soleOwned.map((organization) => (
                      <li key={organization.id}>
                        <Link
                          href={dashboardPath(organization.slug, 'settings')}
                          className="font-medium text-link underline-offset-4 hover:underline"
                        >
                          {organization.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </AlertDescription>
              </Alert>
            ) : null}
            <div>
              <DeleteAccountDialog
                email={user.email}
                requirePassword={withPassword}
                recentSignInMinutes={RECENT_SIGN_IN_MINUTES}
              />
            </div>
          </div>
        </SettingsSection>
      ) : null}
    </>
  );
}
