'use client';

import { CreditCard, ExternalLink, Search, SearchX } from 'lucide-react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useMemo } from 'react';
import type { SubscriptionStatus } from '@/features/billing';
import { BILLING_PROVIDERS, type BillingProvider } from '@/platform/config/constants';
import { SUBSCRIPTION_STATUSES } from '@/features/billing';
import { isFilteredTableQuery } from '@/platform/data/table-query-change';
import { SEARCH_MAX_LENGTH } from '@/platform/data/table-query';
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
import { adminSubscriptionQuery, type AdminSubscriptionQuery } from '../billing-query';
import { adminOrganizationPath, adminSubscriptionsPath } from '../paths';

/** A subscription as the list shows it (the server's AdminSubscriptionRow with its dashboard link). */
export interface AdminSubscriptionListRow {
  id: string;
  organizationId: string;
  organizationName: string | null;
  provider: BillingProvider;
  providerSubscriptionId: string;
  status: SubscriptionStatus;
  planId: string;
  periodEndsAt: Date;
  cancelAtPeriodEnd: boolean;
  createdAt: Date;
  dashboardUrl: string | null;
}

type SortColumn = AdminSubscriptionQuery['sort']['column'];
const SORTABLE = new Set<string>(adminSubscriptionQuery.spec.sorts);

/**
 * Every organization's subscription, for super admins: search by organization, filter by status, plan and
 * provider, sorted and paged — all in the URL, like the users list.
 */
export function AdminSubscriptionsTable({
  query: serverQuery,
  page,
  plans,
}: {
  query: AdminSubscriptionQuery;
  page: LoadedPage<AdminSubscriptionListRow>;
  /** The catalogue's plan ids, for the plan filter. */
  plans: string[];
}) {
  const t = useTranslations('admin.billing.subscriptions');
  const tBilling = useTranslations('admin.billing');
  const format = useFormatter();
  const state = useTableUrlState(adminSubscriptionQuery, serverQuery);
  const { query, pending } = state;
  const labels = useDataTableLabels();
  const searchId = useId();
  const statusId = useId();
  const providerId = useId();
  const planId = useId();

  const columns = useMemo<DataTableColumn<AdminSubscriptionListRow>[]>(
    () =>
      [
        {
          id: 'organization',
          header: t('columns.organization'),
          rowHeader: true,
          cell: (row: AdminSubscriptionListRow) => (
            <Link
              href={adminOrganizationPath(row.organizationId)}
              className="font-medium underline-offset-4 hover:underline"
            >
              {row.organizationName ?? t('noOrganization')}
            </Link>
          ),
        },
        { id: 'plan', header: t('columns.plan'), cell: (row: AdminSubscriptionListRow) => row.planId },
        {
          id: 'status',
          header: t('columns.status'),
          cell: (row: AdminSubscriptionListRow) => (
            <span className="flex flex-wrap gap-1">
              <Badge variant={row.status === 'past_due' || row.status === 'unpaid' ? 'destructive' : 'secondary'}>
                {tBilling(`statuses.${row.status}`)}
              </Badge>
              {row.cancelAtPeriodEnd ? <Badge variant="outline">{t('cancelAtPeriodEnd')}</Badge> : null}
            </span>
          ),
        },
        {
          id: 'provider',
          header: t('columns.provider'),
          cell: (row: AdminSubscriptionListRow) =>
            row.dashboardUrl ? (
              <a
                href={row.dashboardUrl}
                target="_blank"
                rel="noreferrer"
                className="inline-flex items-center gap-1 underline-offset-4 hover:underline"
                aria-label={t('openAtProvider', {
                  id: row.providerSubscriptionId,
                  provider: tBilling(`providers.${row.provider}`),
                })}
              >
                {tBilling(`providers.${row.provider}`)}
                <ExternalLink aria-hidden="true" className="size-3.5" />
              </a>
            ) : (
              <span title={t('noDashboard')}>{tBilling(`providers.${row.provider}`)}</span>
            ),
        },
        {
          id: 'periodEndsAt',
          header: t('columns.periodEndsAt'),
          className: 'whitespace-nowrap text-muted-foreground',
          cell: (row: AdminSubscriptionListRow) => format.dateTime(row.periodEndsAt, { dateStyle: 'medium' }),
        },
        {
          id: 'createdAt',
          header: t('columns.createdAt'),
          sortDescFirst: true,
          className: 'whitespace-nowrap text-muted-foreground',
          cell: (row: AdminSubscriptionListRow) => format.dateTime(row.createdAt, { dateStyle: 'medium' }),
        },
      ].map((column) => ({ ...column, sortable: SORTABLE.has(column.id) })),
    [format, t, tBilling],
  );

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
    <EmptyState icon={<CreditCard />} headingLevel="h2" title={t('empty.title')} description={t('empty.description')} />
  );

  const toolbar = (
    <form
      action={adminSubscriptionsPath}
      method="get"
      role="search"
      aria-label={t('filters.label')}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        state.submitSearch(state.searchText);
      }}
    >
      <div className="grid gap-1.5">
        <Label htmlFor={searchId}>{t('filters.search')}</Label>
        <div className="relative">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id={searchId}
            type="search"
            name="q"
            value={state.searchText}
            onChange={(event) => state.setSearch(event.target.value)}
            maxLength={SEARCH_MAX_LENGTH}
            placeholder={t('filters.searchPlaceholder')}
            autoComplete="off"
            className="w-56 pl-9"
          />
        </div>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={statusId}>{t('filters.status')}</Label>
        <NativeSelect
          id={statusId}
          containerClassName="w-auto min-w-40"
          value={query.filters.status?.in[0] ?? ''}
          onChange={(event) =>
            state.setFilter(
              'status',
              event.target.value ? { in: [event.target.value as SubscriptionStatus] } : undefined,
            )
          }
        >
          <option value="">{t('filters.anyStatus')}</option>
          {SUBSCRIPTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {tBilling(`statuses.${status}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={planId}>{t('filters.plan')}</Label>
        <NativeSelect
          id={planId}
          containerClassName="w-auto min-w-44"
          value={query.filters.plan?.equals ?? ''}
          onChange={(event) => state.setFilter('plan', event.target.value ? { equals: event.target.value } : undefined)}
        >
          <option value="">{t('filters.anyPlan')}</option>
          {plans.map((plan) => (
            <option key={plan} value={plan}>
              {plan}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={providerId}>{t('filters.provider')}</Label>
        <NativeSelect
          id={providerId}
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
    </form>
  );

  const total = page.total ?? page.rows.length;
  return (
    <div className="grid min-w-0 gap-3" data-testid="admin-subscriptions">
      <p role="status" className="sr-only">
        {pending ? '' : t('count', { count: total })}
      </p>
      <DataTable<AdminSubscriptionListRow>
        columns={columns}
        rows={page.rows}
        getRowId={(row) => row.id}
        labels={labels}
        caption={t('caption')}
        captionHidden
        toolbar={toolbar}
        sort={{ columnId: query.sort.column, direction: query.sort.direction }}
        onSortChange={(sort) =>
          state.setSort(sort ? { column: sort.columnId as SortColumn, direction: sort.direction } : null)
        }
        sortHref={(sort) =>
          state.hrefFor({
            ...query,
            page: 1,
            sort: sort
              ? { column: sort.columnId as SortColumn, direction: sort.direction }
              : adminSubscriptionQuery.defaults.sort,
          })
        }
        loading={pending}
        emptyState={emptyState}
        pagination={{
          page: pending ? query.page : (page.page ?? query.page),
          pageCount: page.pageCount ?? 1,
          pageSize: query.pageSize,
          total,
          pageSizeOptions: adminSubscriptionQuery.spec.pageSizes,
          onPageChange: state.setPage,
          onPageSizeChange: state.setPageSize,
          pageHref: (target) => state.hrefFor({ ...query, page: target }),
        }}
      />
    </div>
  );
}
