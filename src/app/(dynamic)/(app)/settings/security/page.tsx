import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm, PasswordSetup } from '@/features/auth/components/settings/password-form';
import { SessionsList } from '@/features/auth/components/settings/sessions-list';
import { SettingsSection } from '@/features/auth/components/settings/settings-section';
import { SignInMethodsList } from '@/features/auth/components/settings/sign-in-methods-list';
import { TwoFactorSettings } from '@/features/auth/components/settings/two-factor-settings';
import {
  PROVIDER_NAMES,
  getMfaStatus,
  getSession,
  hasPassword,
  listSessions,
  listSignInMethods,
  requireUser,
} from '@/features/auth/server';
import { appConfig } from '@/platform/config/app-config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.security');
  return { title: t('title') };
}

export default async function SecuritySettingsPage() {
  const user = await requireUser();
  const current = await getSession();
  const [t, withPassword, mfa, sessions, methods] = await Promise.all([
    getTranslations('settings.security'),
    hasPassword(user.id),
    getMfaStatus(user.id),
    listSessions(user.id, current?.session.id),
    listSignInMethods(user.id),
  ]);

  return (
    <>
      {appConfig.auth.password ? (
        <SettingsSection title={t('password.title')} description={withPassword ? t('password.description') : undefined}>
          {withPassword ? <ChangePasswordForm /> : <PasswordSetup email={user.email} />}
        </SettingsSection>
      ) : null}
      {appConfig.features.multiFactorAuth ? (
        <SettingsSection title={t('twoFactor.title')} description={t('twoFactor.description')} data-testid="two-factor">
          <TwoFactorSettings
            enabled={mfa.enabled}
            recoveryCodesLeft={mfa.recoveryCodesLeft}
            requirePassword={withPassword}
            email={user.email}
            siteName={appConfig.site.name}
          />
        </SettingsSection>
      ) : null}
      <SettingsSection title={t('sessions.title')} description={t('sessions.description')}>
        <SessionsList sessions={sessions} />
      </SettingsSection>
      <SettingsSection title={t('methods.title')} description={t('methods.description')}>
        <SignInMethodsList
          methods={methods}
          providerNames={PROVIDER_NAMES}
          magicLink={appConfig.auth.magicLink}
          email={user.email}
        />
      </SettingsSection>
    </>
  );
}
