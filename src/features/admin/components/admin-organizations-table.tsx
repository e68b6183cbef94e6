'use client';

import { Building2, Search, SearchX } from 'lucide-react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useMemo } from 'react';
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
import {
  adminOrganizationQuery,
  ORGANIZATION_SUBSCRIPTION_STATES,
  type AdminOrganizationQuery,
  type OrganizationSubscriptionState,
} from '../organization-query';
import { adminOrganizationPath, adminOrganizationsPath } from '../paths';

/** An organization as the list shows it (the server's AdminOrganizationRow). */
interface AdminOrganizationListRow {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
  members: number;
  productId: string;
  subscriptionStatus: string | null;
}

type SortColumn = AdminOrganizationQuery['sort']['column'];
const SORTABLE = new Set<string>(adminOrganizationQuery.spec.sorts);

/**
 * Every organization of the product, for super admins: search by name or slug, filter by plan and subscription
 * status, sorted and paged — all in the URL. `plans` names the catalogue's products (id → name).
 */
export function AdminOrganizationsTable({
  query: serverQuery,
  page,
  plans,
}: {
  query: AdminOrganizationQuery;
  page: LoadedPage<AdminOrganizationListRow>;
  plans: { id: string; name: string }[];
}) {
  const t = useTranslations('admin.organizations');
  const format = useFormatter();
  const state = useTableUrlState(adminOrganizationQuery, serverQuery);
  const { query, pending } = state;
  const labels = useDataTableLabels();
  const searchId = useId();
  const planId = useId();
  const subscriptionId = useId();

  const columns = useMemo<DataTableColumn<AdminOrganizationListRow>[]>(() => {
    const planName = (id: string) => plans.find((plan) => plan.id === id)?.name ?? id;
    return [
      {
        id: 'name',
        header: t('columns.name'),
        rowHeader: true,
        cell: (organization: AdminOrganizationListRow) => (
          <Link
            href={adminOrganizationPath(organization.id)}
            className="font-medium underline-offset-4 hover:underline"
          >
            {organization.name}
          </Link>
        ),
      },
      {
        id: 'slug',
        header: t('columns.slug'),
        className: 'text-muted-foreground',
        cell: (organization: AdminOrganizationListRow) => organization.slug,
      },
      {
        id: 'plan',
        header: t('columns.plan'),
        cell: (organization: AdminOrganizationListRow) => (
          <Badge variant="secondary">{planName(organization.productId)}</Badge>
        ),
      },
      {
        id: 'subscription',
        header: t('columns.subscription'),
        cell: (organization: AdminOrganizationListRow) =>
          t(`filters.statuses.${(organization.subscriptionStatus ?? 'none') as OrganizationSubscriptionState}`),
      },
      {
        id: 'members',
        header: t('columns.members'),
        className: 'tabular-nums',
        cell: (organization: AdminOrganizationListRow) => organization.members,
      },
      {
        id: 'createdAt',
        header: t('columns.createdAt'),
        sortDescFirst: true,
        className: 'whitespace-nowrap text-muted-foreground',
        cell: (organization: AdminOrganizationListRow) =>
          format.dateTime(organization.createdAt, { dateStyle: 'medium' }),
      },
    ].map((column) => ({ ...column, sortable: SORTABLE.has(column.id) }));
  }, [format, plans, t]);

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
    <EmptyState icon={<Building2 />} headingLevel="h2" title={t('empty.title')} description={t('empty.description')} />
  );

  const toolbar = (
    <form
      action={adminOrganizationsPath}
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
            className="w-64 pl-9"
          />
        </div>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={planId}>{t('filters.plan')}</Label>
        <NativeSelect
          id={planId}
          containerClassName="w-auto min-w-40"
          value={query.filters.plan?.in[0] ?? ''}
          onChange={(event) => state.setFilter('plan', event.target.value ? { in: [event.target.value] } : undefined)}
        >
          <option value="">{t('filters.anyPlan')}</option>
          {plans.map((plan) => (
            <option key={plan.id} value={plan.id}>
              {plan.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={subscriptionId}>{t('filters.subscription')}</Label>
        <NativeSelect
          id={subscriptionId}
          containerClassName="w-auto min-w-44"
          value={query.filters.subscription?.in[0] ?? ''}
          onChange={(event) =>
            state.setFilter(
              'subscription',
              event.target.value ? { in: [event.target.value as OrganizationSubscriptionState] } : undefined,
            )
          }
        >
          <option value="">{t('filters.anySubscription')}</option>
          {ORGANIZATION_SUBSCRIPTION_STATES.map((status) => (
            <option key={status} value={status}>
              {t(`filters.statuses.${status}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
    </form>
  );

  const total = page.total ?? page.rows.length;
  return (
    <div className="grid min-w-0 gap-3" data-testid="admin-organizations">
      <p role="status" className="sr-only">
        {pending ? '' : t('count', { count: total })}
      </p>
      <DataTable<AdminOrganizationListRow>
        columns={columns}
        rows={page.rows}
        getRowId={(organization) => organization.id}
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
              : adminOrganizationQuery.defaults.sort,
          })
        }
        loading={pending}
        emptyState={emptyState}
        pagination={{
          page: pending ? query.page : (page.page ?? query.page),
          pageCount: page.pageCount ?? 1,
          pageSize: query.pageSize,
          total,
          pageSizeOptions: adminOrganizationQuery.spec.pageSizes,
          onPageChange: state.setPage,
          onPageSizeChange: state.setPageSize,
          pageHref: (target) => state.hrefFor({ ...query, page: target }),
        }}
      />
    </div>
  );
}
