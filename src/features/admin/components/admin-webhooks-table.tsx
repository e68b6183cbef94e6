'use client';

import { SearchX, Webhook } from 'lucide-react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useMemo } from 'react';
import type { WebhookOutcome } from '@/features/billing';
import { BILLING_PROVIDERS, type BillingProvider } from '@/platform/config/constants';
import { isFilteredTableQuery } from '@/platform/data/table-query-change';
import { useDataTableLabels } from '@/platform/data/use-data-table-labels';
import { useTableUrlState } from '@/platform/data/use-table-url-state';
import type { LoadedPage } from '@/platform/db/data-loader';
import { Badge } from '@/ui/badge';
import { Button } from '@/ui/button';
import { DataTable, type DataTableColumn } from '@/ui/data-table';
import { EmptyState } from '@/ui/empty-state';
import { Input } from '@/ui/input';
import { Label } from '@/ui/label';
import { NativeSelect } from '@/ui/native-select';
import { adminWebhookQuery, WEBHOOK_STATES, type AdminWebhookQuery, type WebhookState } from '../billing-query';
import { adminOrganizationPath, adminWebhooksPath } from '../paths';
import { RedeliverWebhookEventButton } from './admin-billing-actions';

/** A ledger row as the page shows it. */
export interface AdminWebhookListRow {
  id: string;
  provider: BillingProvider;
  providerEventId: string;
  type: string;
  organizationId: string | null;
  organizationName: string | null;
  receivedAt: Date;
  processedAt: Date | null;
  outcome: WebhookOutcome | null;
  error: string | null;
  redeliverable: boolean;
}

function stateOf(row: AdminWebhookListRow): WebhookState {
  return row.processedAt ? (row.outcome ?? 'applied') : 'failed';
}

/** The event, its error and (for a failed one) the redelivery button: shared by the failed list and the ledger. */
function WebhookEventCell({ row }: { row: AdminWebhookListRow }) {
  const t = useTranslations('admin.billing.webhooks');
  return (
    <div className="grid gap-1">
      <span className="font-medium">{row.type}</span>
      <code className="text-xs break-all text-muted-foreground">{row.providerEventId}</code>
      {row.error ? <p className="text-sm break-words text-destructive">{t('error', { error: row.error })}</p> : null}
      {row.processedAt ? null : row.redeliverable ? (
        <RedeliverWebhookEventButton eventId={row.id} providerEventId={row.providerEventId} />
      ) : (
        <p className="text-sm text-muted-foreground">{t('notRedeliverable')}</p>
      )}
    </div>
  );
}

function useWebhookColumns(): DataTableColumn<AdminWebhookListRow>[] {
  const t = useTranslations('admin.billing.webhooks');
  const tBilling = useTranslations('admin.billing');
  const format = useFormatter();
  return useMemo(
    () => [
      {
        id: 'receivedAt',
        header: t('columns.receivedAt'),
        sortable: true,
        sortDescFirst: true,
        className: 'whitespace-nowrap text-muted-foreground',
        cell: (row) => (
          <time dateTime={row.receivedAt.toISOString()}>
            {format.dateTime(row.receivedAt, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
        ),
      },
      {
        id: 'event',
        header: t('columns.event'),
        rowHeader: true,
        className: 'min-w-64',
        cell: (row) => <WebhookEventCell row={row} />,
      },
      { id: 'provider', header: t('columns.provider'), cell: (row) => tBilling(`providers.${row.provider}`) },
      {
        id: 'organization',
        header: t('columns.organization'),
        cell: (row) =>
          row.organizationId ? (
            <Link href={adminOrganizationPath(row.organizationId)} className="underline-offset-4 hover:underline">
              {row.organizationName ?? row.organizationId}
            </Link>
          ) : null,
      },
      {
        id: 'state',
        header: t('columns.state'),
        cell: (row) => {
          const state = stateOf(row);
          return (
            <Badge variant={state === 'failed' ? 'destructive' : state === 'applied' ? 'secondary' : 'outline'}>
              {t(`states.${state}`)}
            </Badge>
          );
        },
      },
    ],
    [format, t, tBilling],
  );
}

/** The ledger's failed events, above the whole ledger: each with its error and a redelivery button. */
export function FailedWebhookEvents({ rows }: { rows: AdminWebhookListRow[] }) {
  const t = useTranslations('admin.billing.webhooks');
  const labels = useDataTableLabels();
  const columns = useWebhookColumns().map((column) => ({ ...column, sortable: false }));
  return (
    <section aria-labelledby="failed-webhooks" className="grid gap-2" data-testid="failed-webhooks">
      <h2 id="failed-webhooks" className="text-lg font-semibold">
        {t('failedTitle')}
      </h2>
      <p className="text-sm text-muted-foreground">{t('failedDescription')}</p>
      <DataTable<AdminWebhookListRow>
        columns={columns}
        rows={rows}
        getRowId={(row) => row.id}
        labels={labels}
        caption={t('failedTitle')}
        captionHidden
      />
    </section>
  );
}

/** The whole webhook ledger, newest first: filtered by state, provider and type in the URL. */
export function AdminWebhooksTable({
  query: serverQuery,
  page,
}: {
  query: AdminWebhookQuery;
  page: LoadedPage<AdminWebhookListRow>;
}) {
  const t = useTranslations('admin.billing.webhooks');
  const tBilling = useTranslations('admin.billing');
  const state = useTableUrlState(adminWebhookQuery, serverQuery);
  const { query, pending } = state;
  const labels = useDataTableLabels();
  const columns = useWebhookColumns();
  const stateId = useId();
  const providerId = useId();
  const typeId = useId();

  const filtered = isFilteredTableQuery(serverQuery);
  const emptyState = filtered ? (
    <EmptyState
      icon={<SearchX />}
      headingLevel="h2"
      title={t('empty.noMatchesTitle')}
      description={t('empty.noMatchesDescription')}
      action={
        <Button variant="outline" onClick={state.clear}>
          {t('filters.clear')}
        </Button>
      }
    />
  ) : (
    <EmptyState icon={<Webhook />} headingLevel="h2" title={t('empty.title')} description={t('empty.description')} />
  );

  const toolbar = (
    <form
      action={adminWebhooksPath}
      method="get"
      aria-label={t('filters.label')}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const type = new FormData(event.currentTarget).get('type');
        state.setFilter('type', typeof type === 'string' && type.trim() ? { equals: type.trim() } : undefined);
      }}
    >
      <div className="grid gap-1.5">
        <Label htmlFor={stateId}>{t('filters.state')}</Label>
        <NativeSelect
          id={stateId}
          name="state"
          containerClassName="w-auto min-w-44"
          value={query.filters.state?.in[0] ?? ''}
          onChange={(event) =>
            state.setFilter('state', event.target.value ? { in: [event.target.value as WebhookState] } : undefined)
          }
        >
          <option value="">{t('filters.anyState')}</option>
          {WEBHOOK_STATES.map((value) => (
            <option key={value} value={value}>
              {t(`states.${value}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={providerId}>{t('filters.provider')}</Label>
        <NativeSelect
          id={providerId}
          name="provider"
          containerClassName="w-auto min-w-40"
          value={query.filters.provider?.in[0] ?? ''}
          onChange={(event) =>
            state.setFilter(
              'provider',
              event.target.value ? { in: [event.target.value as BillingProvider] } : undefined,
            )
          }
        >
          <option value="">{t('filters.anyProvider')}</option>
          {BILLING_PROVIDERS.map((provider) => (
            <option key={provider} value={provider}>
              {tBilling(`providers.${provider}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={typeId}>{t('filters.type')}</Label>
        <Input
          id={typeId}
          name="type"
          key={query.filters.type?.equals ?? ''}
          defaultValue={query.filters.type?.equals ?? ''}
          placeholder={t('filters.typePlaceholder')}
          autoComplete="off"
          className="w-72"
        />
      </div>
    </form>
  );

  const total = page.total ?? page.rows.length;
  return (
    <div className="grid min-w-0 gap-3" data-testid="admin-webhooks">
      <p className="text-sm text-muted-foreground">{t('statesHint')}</p>
      <p role="status" className="sr-only">
        {pending ? '' : t('count', { count: total })}
      </p>
      <DataTable<AdminWebhookListRow>
        columns={columns}
        rows={page.rows}
        getRowId={(row) => row.id}
        labels={labels}
        caption={t('caption')}
        captionHidden
        toolbar={toolbar}
        sort={{ columnId: query.sort.column, direction: query.sort.direction }}
        onSortChange={(sort) => state.setSort(sort ? { column: 'receivedAt', direction: sort.direction } : null)}
        sortHref={(sort) =>
          state.hrefFor({
            ...query,
            page: 1,
            sort: sort ? { column: 'receivedAt', direction: sort.direction } : adminWebhookQuery.defaults.sort,
          })
        }
        loading={pending}
        emptyState={emptyState}
        pagination={{
          page: pending ? query.page : (page.page ?? query.page),
          pageCount: page.pageCount ?? 1,
          pageSize: query.pageSize,
          total,
          pageSizeOptions: adminWebhookQuery.spec.pageSizes,
          onPageChange: state.setPage,
          onPageSizeChange: state.setPageSize,
          pageHref: (target) => state.hrefFor({ ...query, page: target }),
        }}
      />
    </div>
  );
}
