'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { toast } from '@/ui/toast';
import { signOutOtherSessions, signOutSession } from '../../server/session-actions';
import { ActionButtonForm } from '@/platform/http/client/action-button-form';

const PERMALINK = '/settings/security';

/** Signs out one other device's session. */
export function SignOutSessionButton({ sessionId, deviceName }: { sessionId: string; deviceName: string }) {
  const t = useTranslations('settings.security.sessions');
  const router = useRouter();
  return (
    <ActionButtonForm
      action={signOutSession}
      permalink={PERMALINK}
      fields={{ sessionId }}
      label={t('signOut')}
      pendingLabel={t('signingOut')}
      accessibleLabel={t('signOutLabel', { device: deviceName })}
      className="shrink-0"
      onSuccess={() => {
        toast.success({ title: t('signedOut') });
        router.refresh();
      }}
    />
  );
}

export function SignOutOtherSessionsButton() {
  const t = useTranslations('settings.security.sessions');
  const router = useRouter();
  return (
    <ActionButtonForm
      action={signOutOtherSessions}
      permalink={PERMALINK}
      label={t('signOutOthers')}
      pendingLabel={t('signingOut')}
      size="md"
      onSuccess={({ count }) => {
        toast.success({ title: t('signedOutOthers', { count }) });
        router.refresh();
      }}
    />
  );
}
