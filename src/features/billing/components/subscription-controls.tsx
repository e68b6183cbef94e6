'use client';

import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';
import { ActionButtonForm } from '@/platform/http/client/action-button-form';
import { CsrfField } from '@/platform/http/client/csrf-token-provider';
import type { ActionResult } from '@/platform/http/errors';
import { Button, buttonVariants } from '@/ui/button';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { Spinner } from '@/ui/spinner';
import { billingPath, plansPath } from '../paths';
import {
  buyAddOnAction,
  cancelSubscriptionAction,
  openBillingPortalAction,
  resumeSubscriptionAction,
} from '../server/billing-actions';
import { AutoRefresh } from './auto-refresh';

/**
 * The billing page's controls, for those with billing.manage. An action only asks the provider; the
 * page changes when its webhook arrives, so after one the page refreshes itself until the state the
 * server renders (`stateKey`) is no longer the one the action was taken on.
 */
export function SubscriptionControls({
  organizationId,
  slug,
  stateKey,
  subscription,
  hasCustomer,
}: {
  organizationId: string;
  slug: string;
  stateKey: string;
  subscription: { periodEndsAt: string; cancelAtPeriodEnd: boolean } | null;
  hasCustomer: boolean;
}) {
  const t = useTranslations('billing.page');
  const format = useFormatter();
  const router = useRouter();
  const [awaiting, setAwaiting] = useState<string | null>(null);
  const updating = awaiting !== null && awaiting === stateKey;
  const requested = () => {
    setAwaiting(stateKey);
    router.refresh();
  };
  const endsOn = subscription ? format.dateTime(new Date(subscription.periodEndsAt), { dateStyle: 'long' }) : '';

  return (
    <div className="grid gap-3">
      {updating ? (
        <AutoRefresh slow={<p className="text-sm text-muted-foreground">{t('stillUpdating')}</p>}>
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <Spinner /> {t('updating')}
          </p>
        </AutoRefresh>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Link href={plansPath(slug)} className={buttonVariants({ variant: 'default', size: 'sm' })}>
          {subscription ? t('changePlan') : t('upgrade')}
        </Link>
        {subscription && subscription.cancelAtPeriodEnd ? (
          <ActionButtonForm
            action={resumeSubscriptionAction}
            permalink={billingPath(slug)}
            fields={{ organizationId }}
            label={t('resume')}
            onSuccess={requested}
          />
        ) : null}
        {subscription && !subscription.cancelAtPeriodEnd ? (
          <CancelDialog organizationId={organizationId} endsOn={endsOn} onDone={requested} />
        ) : null}
        {hasCustomer ? (
          <ActionButtonForm
            action={openBillingPortalAction}
            permalink={billingPath(slug)}
            fields={{ organizationId }}
            label={t('manage')}
          />
        ) : null}
      </div>
    </div>
  );
}

function CancelDialog({
  organizationId,
  endsOn,
  onDone,
}: {
  organizationId: string;
  endsOn: string;
  onDone: () => void;
}) {
  const t = useTranslations('billing.page');
  const [open, setOpen] = useState(false);
  const [result, formAction, pending] = useActionState(
    async (previous: ActionResult<{ endsAt: string }> | null, form: FormData) => {
      const outcome = await cancelSubscriptionAction(previous, form);
      if (outcome.ok) {
        setOpen(false);
        onDone();
      }
      return outcome;
    },
    null,
  );
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="outline" size="sm">
          {t('cancel')}
        </Button>
      }
      title={t('cancelTitle')}
      description={t('cancelDescription', { date: endsOn })}
      cancelLabel={t('keepSubscription')}
      confirmLabel={t('confirmCancel')}
      pending={pending}
      error={result && !result.ok ? result.error : null}
      form={(content) => (
        <form action={formAction} className="grid gap-4">
          <CsrfField />
          <input type="hidden" name="organizationId" value={organizationId} />
          {content}
        </form>
      )}
    />
  );
}

/** "Buy" for a one-off add-on: off to the provider's checkout. */
export function BuyAddOnButton({
  organizationId,
  slug,
  planId,
  name,
}: {
  organizationId: string;
  slug: string;
  planId: string;
  name: string;
}) {
  const t = useTranslations('billing.page');
  return (
    <ActionButtonForm
      action={buyAddOnAction}
      permalink={billingPath(slug)}
      fields={{ organizationId, planId }}
      label={t('buy')}
      accessibleLabel={t('buyLabel', { name })}
    />
  );
}
