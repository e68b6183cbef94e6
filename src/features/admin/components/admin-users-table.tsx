'use client';

import { Search, SearchX, Users } from 'lucide-react';
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
import { adminUserPath, adminUsersPath } from '../paths';
import { adminUserQuery, USER_STATUSES, type AdminUserQuery, type UserStatus } from '../user-query';

/** A user as the list shows them (the server's AdminUserRow, with the ban worked out). */
interface AdminUserListRow {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  banned: boolean;
  createdAt: Date;
}

type SortColumn = AdminUserQuery['sort']['column'];
const SORTABLE = new Set<string>(adminUserQuery.spec.sorts);

/**
 * Every user of the product, for super admins: search by name or email, banned or active, two-factor on or off,
 * sorted and paged — all in the URL, so a list can be shared and the back button works.
 */
export function AdminUsersTable({
  query: serverQuery,
  page,
}: {
  query: AdminUserQuery;
  page: LoadedPage<AdminUserListRow>;
}) {
  const t = useTranslations('admin.users');
  const format = useFormatter();
  const state = useTableUrlState(adminUserQuery, serverQuery);
  const { query, pending } = state;
  const labels = useDataTableLabels();
  const searchId = useId();
  const statusId = useId();
  const twoFactorId = useId();

  const columns = useMemo<DataTableColumn<AdminUserListRow>[]>(
    () =>
      [
        {
          id: 'name',
          header: t('columns.name'),
          rowHeader: true,
          cell: (user: AdminUserListRow) => (
            <Link href={adminUserPath(user.id)} className="font-medium underline-offset-4 hover:underline">
              {user.name || t('noName')}
            </Link>
          ),
        },
        { id: 'email', header: t('columns.email'), cell: (user: AdminUserListRow) => user.email },
        {
          id: 'state',
          header: t('columns.state'),
          cell: (user: AdminUserListRow) => (
            <span className="flex flex-wrap gap-1">
              {user.banned ? <Badge variant="destructive">{t('banned')}</Badge> : null}
              {user.twoFactorEnabled ? <Badge variant="secondary">{t('twoFactorOn')}</Badge> : null}
              {user.emailVerified ? null : <Badge variant="outline">{t('unconfirmed')}</Badge>}
            </span>
          ),
        },
        {
          id: 'createdAt',
          header: t('columns.createdAt'),
          sortDescFirst: true,
          className: 'whitespace-nowrap text-muted-foreground',
          cell: (user: AdminUserListRow) => format.dateTime(user.createdAt, { dateStyle: 'medium' }),
        },
      ].map((column) => ({ ...column, sortable: SORTABLE.has(column.id) })),
    [format, t],
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
    <EmptyState icon={<Users />} headingLevel="h2" title={t('empty.title')} description={t('empty.description')} />
  );

  const toolbar = (
    <form
      action={adminUsersPath}
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
        <Label htmlFor={statusId}>{t('filters.status')}</Label>
        <NativeSelect
          id={statusId}
          containerClassName="w-auto min-w-40"
          value={query.filters.status?.in[0] ?? ''}
          onChange={(event) =>
            state.setFilter('status', event.target.value ? { in: [event.target.value as UserStatus] } : undefined)
          }
        >
          <option value="">{t('filters.anyStatus')}</option>
          {USER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`filters.statuses.${status}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={twoFactorId}>{t('filters.twoFactor')}</Label>
        <NativeSelect
          id={twoFactorId}
          containerClassName="w-auto min-w-40"
          value={query.filters.twoFactor?.in[0] ?? ''}
          onChange={(event) =>
            state.setFilter(
              'twoFactor',
              event.target.value ? { in: [event.target.value as 'true' | 'false'] } : undefined,
            )
          }
        >
          <option value="">{t('filters.anyTwoFactor')}</option>
          <option value="true">{t('filters.twoFactorOn')}</option>
          <option value="false">{t('filters.twoFactorOff')}</option>
        </NativeSelect>
      </div>
    </form>
  );

  const total = page.total ?? page.rows.length;
  return (
    <div className="grid min-w-0 gap-3" data-testid="admin-users">
      <p role="status" className="sr-only">
        {pending ? '' : t('count', { count: total })}
      </p>
      <DataTable<AdminUserListRow>
        columns={columns}
        rows={page.rows}
        getRowId={(user) => user.id}
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
              : adminUserQuery.defaults.sort,
          })
        }
        loading={pending}
        emptyState={emptyState}
        pagination={{
          page: pending ? query.page : (page.page ?? query.page),
          pageCount: page.pageCount ?? 1,
          pageSize: query.pageSize,
          total,
          pageSizeOptions: adminUserQuery.spec.pageSizes,
          onPageChange: state.setPage,
          onPageSizeChange: state.setPageSize,
          pageHref: (target) => state.hrefFor({ ...query, page: target }),
        }}
      />
    </div>
  );
}
