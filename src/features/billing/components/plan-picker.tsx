'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';
import { CsrfField } from '@/platform/http/client/csrf-token-provider';
import type { ActionResult } from '@/platform/http/errors';
import { Button } from '@/ui/button';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { toast } from '@/ui/toast';
import { billingPath } from '../paths';
import type { PricingProduct } from '../pricing';
import { cancelSubscriptionAction, changePlanAction, startCheckoutAction } from '../server/billing-actions';
import { PricingTable, type PricingChoice } from './pricing-table';

export interface PlanPickerProps {
  organizationId: string;
  slug: string;
  products: PricingProduct[];
  current: { productId: string; planId: string | null };
  /** The subscription being changed, when there is one. */
  subscription: { periodEndsAt: string; cancelAtPeriodEnd: boolean } | null;
  memberCount: number;
}

/**
 * The upgrade page's pricing table: without a subscription a plan goes to checkout; with one, it
 * changes the plan now (prorated) or — for Free — cancels at the end of the period, saying which first.
 */
export function PlanPicker({ organizationId, slug, products, current, subscription, memberCount }: PlanPickerProps) {
  return (
    <PricingTable
      products={products}
      current={current}
      initialSeats={memberCount}
      contactHref="/contact"
      renderChoice={(choice) => (
        <Choice
          choice={choice}
          organizationId={organizationId}
          slug={slug}
          current={current}
          subscription={subscription}
        />
      )}
    />
  );
}

function Choice({
  choice,
  organizationId,
  slug,
  current,
  subscription,
}: {
  choice: PricingChoice;
  organizationId: string;
  slug: string;
  current: PlanPickerProps['current'];
  subscription: PlanPickerProps['subscription'];
}) {
  const t = useTranslations('billing.pricing');
  const { product, plan, seats } = choice;
  if (product.id === current.productId && (plan === null || plan.id === current.planId)) {
    return (
      <Button variant="outline" disabled>
        {t('current')}
      </Button>
    );
  }
  if (product.free) {
    if (!subscription || subscription.cancelAtPeriodEnd) return null;
    return (
      <SwitchToFree
        organizationId={organizationId}
        slug={slug}
        name={product.name}
        endsAt={subscription.periodEndsAt}
      />
    );
  }
  if (!plan) return null;
  if (subscription)
    return (
      <ChangePlan
        organizationId={organizationId}
        slug={slug}
        planId={plan.id}
        name={product.name}
        interval={plan.interval}
      />
    );
  return <CheckoutButton organizationId={organizationId} planId={plan.id} seats={seats} name={product.name} />;
}

function CheckoutButton({
  organizationId,
  planId,
  seats,
  name,
}: {
  organizationId: string;
  planId: string;
  seats: number;
  name: string;
}) {
  const t = useTranslations('billing.pricing');
  const [result, formAction, pending] = useActionState(startCheckoutAction, null);
  return (
    <form action={formAction} className="grid w-full gap-1">
      <CsrfField />
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="seats" value={seats} />
      <Button type="submit" loading={pending} aria-label={t('chooseLabel', { plan: name })}>
        {t('choose')}
      </Button>
      {result && !result.ok ? (
        <p role="alert" className="text-sm font-medium text-destructive" data-error-code={result.error.code}>
          {Object.values(result.error.fieldErrors ?? {})[0]?.[0] ?? result.error.message}
        </p>
      ) : null}
    </form>
  );
}

/** A confirm dialog around one action that takes the organization (and maybe a plan). */
function ConfirmChange<R>({
  action,
  fields,
  trigger,
  title,
  description,
  confirmLabel,
  onDone,
}: {
  action: (previous: ActionResult<R> | null, form: FormData) => Promise<ActionResult<R>>;
  fields: Record<string, string>;
  trigger: string;
  title: string;
  description: string;
  confirmLabel: string;
  onDone: () => void;
}) {
  const t = useTranslations('billing.pricing');
  const [open, setOpen] = useState(false);
  const [result, formAction, pending] = useActionState(async (previous: ActionResult<R> | null, form: FormData) => {
    const outcome = await action(previous, form);
    if (outcome.ok) {
      setOpen(false);
      onDone();
    }
    return outcome;
  }, null);
  const refusal = result && !result.ok ? result.error : null;
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={<Button variant="outline">{trigger}</Button>}
      title={title}
      description={description}
      cancelLabel={t('keep')}
      confirmLabel={confirmLabel}
      pending={pending}
      error={
        refusal
          ? { message: Object.values(refusal.fieldErrors ?? {})[0]?.[0] ?? refusal.message, code: refusal.code }
          : null
      }
      form={(content) => (
        <form action={formAction} className="grid gap-4">
          <CsrfField />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {content}
        </form>
      )}
    />
  );
}

function ChangePlan({
  organizationId,
  slug,
  planId,
  name,
  interval,
}: {
  organizationId: string;
  slug: string;
  planId: string;
  name: string;
  interval: string;
}) {
  const t = useTranslations('billing.pricing');
  const router = useRouter();
  const label = t('changeTo', { plan: name, interval });
  return (
    <ConfirmChange
      action={changePlanAction}
      fields={{ organizationId, planId }}
      trigger={label}
      title={label}
      description={t('changeNow', { plan: name, interval })}
      confirmLabel={t('confirmChange')}
      onDone={() => {
        toast.success({ title: t('changeRequested') });
        router.push(`${billingPath(slug)}?change=${encodeURIComponent(planId)}`);
      }}
    />
  );
}

function SwitchToFree({
  organizationId,
  slug,
  name,
  endsAt,
}: {
  organizationId: string;
  slug: string;
  name: string;
  endsAt: string;
}) {
  const t = useTranslations('billing.pricing');
  const format = useFormatter();
  const router = useRouter();
  const date = format.dateTime(new Date(endsAt), { dateStyle: 'long' });
  return (
    <ConfirmChange
      action={cancelSubscriptionAction}
      fields={{ organizationId }}
      trigger={t('switchToFree', { plan: name })}
      title={t('switchToFree', { plan: name })}
      description={t('freeAtPeriodEnd', { plan: name, date })}
      confirmLabel={t('confirmFree')}
      onDone={() => {
        toast.success({ title: t('changeRequested') });
        router.push(`${billingPath(slug)}?change=cancel`);
      }}
    />
  );
}
