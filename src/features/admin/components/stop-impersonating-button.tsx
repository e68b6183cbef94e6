'use client';

import { useTranslations } from 'next-intl';
import { ActionButtonForm } from '@/platform/http/client/action-button-form';
import { stopImpersonationAction } from '../server/impersonation-actions';

/** Ends the impersonation; the action gives the admin's own session back and goes to the user's admin page. */
export function StopImpersonatingButton({ permalink }: { permalink: string }) {
  const t = useTranslations('admin.impersonation.banner');
  return (
    <ActionButtonForm
      action={stopImpersonationAction}
      permalink={permalink}
      label={t('stop')}
      pendingLabel={t('stopping')}
      variant="default"
    />
  );
}
