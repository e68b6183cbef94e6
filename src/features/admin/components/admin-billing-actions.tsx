'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ActionButtonForm } from '@/platform/http/client/action-button-form';
import { toast } from '@/ui/toast';
import { adminWebhooksPath } from '../paths';
import { redeliverWebhookEventAction, startReconciliationAction } from '../server/billing-actions';

/** Runs Keel's processing of one stored webhook event again (docs/admin/overview-and-billing.md). */
export function RedeliverWebhookEventButton({
  eventId,
  providerEventId,
}: {
  eventId: string;
  providerEventId: string;
}) {
  const t = useTranslations('admin.billing.webhooks.redeliver');
  const tStates = useTranslations('admin.billing.webhooks.states');
  const router = useRouter();
  return (
    <ActionButtonForm
      action={redeliverWebhookEventAction}
      permalink={adminWebhooksPath}
      fields={{ eventId }}
      label={t('submit')}
      pendingLabel={t('submitting')}
      accessibleLabel={t('label', { id: providerEventId })}
      onSuccess={({ outcome }) => {
        if (outcome === 'duplicate') toast.success({ title: t('duplicate') });
        else if (outcome === 'failed') toast.error({ title: t('failed') });
        else toast.success({ title: t('done', { outcome: tStates(outcome) }) });
        router.refresh();
      }}
    />
  );
}

/** Queues the billing reconciliation to run now (the hourly job's work). */
export function StartReconciliationButton() {
  const tRun = useTranslations('admin.billing.reconciliation');
  return (
    <ActionButtonForm
      action={startReconciliationAction}
      permalink={adminWebhooksPath}
      label={tRun('submit')}
      pendingLabel={tRun('submitting')}
      size="md"
      onSuccess={() => toast.success({ title: tRun('done') })}
    />
  );
}
