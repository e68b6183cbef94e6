import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge, type BadgeProps } from '@/ui/badge';
import { EmptyState } from '@/ui/empty-state';
import type { SubscriptionStatus } from '../billing-fields';
import { formatMoney } from '../pricing';
import type { ProviderInvoice } from '../server/gateway';

const DAY_MS = 24 * 60 * 60 * 1000;

const STATUS_VARIANTS: Record<SubscriptionStatus, BadgeProps['variant']> = {
  trialing: 'secondary',
  active: 'success',
  past_due: 'warning',
  canceled: 'outline',
  incomplete: 'warning',
  unpaid: 'destructive',
  paused: 'outline',
};

/** The subscription's status as a badge; none without a subscription (the plan's name says "Free" already). */
export async function StatusBadge({ status }: { status: SubscriptionStatus | null }) {
  if (!status) return null;
  const t = await getTranslations('billing.page.status');
  return (
    <Badge variant={STATUS_VARIANTS[status]} data-testid="billing-status">
      {t(status)}
    </Badge>
  );
}

/** Days left until `end` (a part-day counts as a day). */
export function daysUntil(end: Date, now = new Date()): number {
  return Math.max(0, Math.ceil((end.getTime() - now.getTime()) / DAY_MS));
}

/** The invoices the provider returned, newest first. */
export async function InvoiceList({ invoices }: { invoices: ProviderInvoice[] | null }) {
  const [tInvoices, format, locale] = await Promise.all([
    getTranslations('billing.page.invoices'),
    getFormatter(),
    getLocale(),
  ]);
  if (invoices === null) return <p className="text-sm text-muted-foreground">{tInvoices('unavailable')}</p>;
  if (invoices.length === 0)
    return (
      <EmptyState
        headingLevel="h3"
        title={tInvoices('empty')}
        description={tInvoices('emptyDescription')}
        className="py-6"
      />
    );
  return (
    <ul className="divide-y divide-border text-sm">
      {invoices.map((invoice) => (
        <li key={invoice.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span>{invoice.number ?? tInvoices('draft')}</span>
          <span className="text-muted-foreground">{format.dateTime(invoice.createdAt, { dateStyle: 'medium' })}</span>
          <span>{formatMoney(invoice.totalAmount, invoice.currency, locale)}</span>
          <Badge variant={invoice.status === 'paid' ? 'success' : 'outline'}>
            {tInvoices(`status.${invoice.status}`)}
          </Badge>
          {invoice.url ? (
            <a href={invoice.url} className="text-primary underline-offset-4 hover:underline">
              {tInvoices('view')}
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
