'use client';

import { History, SearchX } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useMemo } from 'react';
import { isFilteredTableQuery } from '@/platform/data/table-query-change';
import { useDataTableLabels } from '@/platform/data/use-data-table-labels';
import { useTableUrlState } from '@/platform/data/use-table-url-state';
import type { LoadedPage } from '@/platform/db/data-loader';
import { Button } from '@/ui/button';
import { DataTable, type DataTableColumn } from '@/ui/data-table';
import { EmptyState } from '@/ui/empty-state';
import { Label } from '@/ui/label';
import { NativeSelect } from '@/ui/native-select';
import { auditQuery, type AuditQuery } from '../audit-query';
import type { AuditAction } from '../events';
import type { AuditActorOption, AuditEventRow } from '../server';

export interface AuditLogTableProps {
  /** The table's accessible name. */
  caption: string;
  query: AuditQuery;
  page: LoadedPage<AuditEventRow>;
  /** The actions the filter offers (an organization's, or a user's own). */
  actions: readonly AuditAction[];
  /** People to filter by; no "who" filter without them (a user's own events are theirs). */
  actors?: AuditActorOption[];
  /** The viewer: their own events read "You …". */
  viewerId: string;
}

/**
 * An audit log, newest first: each event as a sentence, when, from which address and with which request id (to
 * find it in the logs). Filters by event and by who did it; pages, filters and page size live in the URL.
 */
export function AuditLogTable({ caption, query: serverQuery, page, actions, actors, viewerId }: AuditLogTableProps) {
  const t = useTranslations('audit');
  const tRoles = useTranslations('organizations.roles');
  const format = useFormatter();
  const state = useTableUrlState(auditQuery, serverQuery);
  const { query, pending } = state;
  const labels = useDataTableLabels();
  const actionId = useId();
  const actorId = useId();

  const columns = useMemo<DataTableColumn<AuditEventRow>[]>(() => {
    const role = (name: unknown) => (typeof name === 'string' && name ? tRoles(name as never) : '');
    const person = (id: string | null, name: string | null, fallback: string) =>
      id === viewerId ? t('you') : (name ?? fallback);
    const sentence = (event: AuditEventRow) => {
      const said = what(event);
      // Done by a super admin impersonating the actor (docs/admin/impersonation.md).
      if (!event.impersonatorUserId) return said;
      return t('impersonated', {
        sentence: said,
        impersonator: person(event.impersonatorUserId, event.impersonatorName, t('support')),
        actor: person(event.actorUserId, event.actorName, t('someone')),
      });
    };
    const what = (event: AuditEventRow) => {
      const details = event.details;
      const method = typeof details.method === 'string' ? details.method : 'other';
      return t(
        `actions.${event.action}` as never,
        {
          actor: event.actorUserId
            ? // A super admin is no member: an organization's viewers do not see their name.
              person(event.actorUserId, event.actorName, event.action.startsWith('admin.') ? t('staff') : t('someone'))
            : event.action.startsWith('billing.')
              ? t('provider')
              : event.action.startsWith('admin.')
                ? t('commandLine')
                : t('unknown'),
          target: person(event.targetId, event.targetName, t('someone')),
          from: role(details.from),
          to: role(details.to),
          role: role(details.role),
          email: String(details.email ?? ''),
          name: String(details.name ?? ''),
          plan: String(details.plan ?? ''),
          status: String(details.status ?? ''),
          reason: String(details.reason ?? ''),
          slug: String(details.slug ?? ''),
          // A last day (YYYY-MM-DD, UTC), as the admin chose it.
          until:
            typeof details.until === 'string'
              ? format.dateTime(new Date(details.until), { dateStyle: 'medium', timeZone: 'UTC' })
              : '',
          method: t(`methods.${method}` as never),
        } as never,
      );
    };
    return [
      {
        id: 'occurredAt',
        header: t('columns.when'),
        className: 'whitespace-nowrap',
        cell: (event) => (
          <time dateTime={event.occurredAt.toISOString()}>
            {format.dateTime(event.occurredAt, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
        ),
      },
      { id: 'event', header: t('columns.event'), rowHeader: true, className: 'min-w-48 sm:min-w-64', cell: sentence },
      // The sentence matters most: on small screens the address and the request id give way to it.
      {
        id: 'ip',
        header: t('columns.address'),
        className: 'hidden whitespace-nowrap text-muted-foreground md:table-cell',
        cell: (event) => event.ip ?? '—',
      },
      {
        id: 'requestId',
        header: t('columns.requestId'),
        className: 'hidden text-muted-foreground lg:table-cell',
        cell: (event) => (event.requestId ? <span className="font-mono text-xs">{event.requestId}</span> : '—'),
      },
    ];
  }, [format, t, tRoles, viewerId]);

  const filtered = isFilteredTableQuery(serverQuery);
  const emptyState = filtered ? (
    <EmptyState
      icon={<SearchX />}
      title={t('empty.noMatchesTitle')}
      description={t('empty.noMatchesDescription')}
      action={
        <Button variant="outline" onClick={state.clear}>
          {t('filters.clear')}
        </Button>
      }
    />
  ) : (
    <EmptyState icon={<History />} title={t('empty.title')} description={t('empty.description')} />
  );

  const toolbar = (
    <div className="flex flex-wrap items-end gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor={actionId}>{t('filters.action')}</Label>
        <NativeSelect
          id={actionId}
          containerClassName="w-64"
          value={query.filters.action?.in[0] ?? ''}
          onChange={(event) =>
            state.setFilter('action', event.target.value ? { in: [event.target.value as AuditAction] } : undefined)
          }
        >
          <option value="">{t('filters.allActions')}</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {t(`labels.${action}` as never)}
            </option>
          ))}
        </NativeSelect>
      </div>
      {actors ? (
        <div className="grid gap-1.5">
          <Label htmlFor={actorId}>{t('filters.actor')}</Label>
          <NativeSelect
            id={actorId}
            containerClassName="w-56"
            value={query.filters.actor?.in[0] ?? ''}
            onChange={(event) =>
              state.setFilter('actor', event.target.value ? { in: [event.target.value] } : undefined)
            }
          >
            <option value="">{t('filters.allActors')}</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.id === viewerId ? t('you') : (actor.name ?? t('someone'))}
              </option>
            ))}
          </NativeSelect>
        </div>
      ) : null}
    </div>
  );

  const total = page.total ?? page.rows.length;
  return (
    <div className="grid min-w-0 gap-3" data-testid="audit-log">
      <p role="status" className="sr-only">
        {pending ? '' : t('count', { count: total })}
      </p>
      <DataTable<AuditEventRow>
        columns={columns}
        rows={page.rows}
        getRowId={(event) => event.id}
        labels={labels}
        caption={caption}
        captionHidden
        toolbar={toolbar}
        loading={pending}
        emptyState={emptyState}
        pagination={{
          page: pending ? query.page : (page.page ?? query.page),
          pageCount: page.pageCount ?? 1,
          pageSize: query.pageSize,
          total,
          pageSizeOptions: auditQuery.spec.pageSizes,
          onPageChange: state.setPage,
          onPageSizeChange: state.setPageSize,
          pageHref: (target) => state.hrefFor({ ...query, page: target }),
        }}
      />
    </div>
  );
}
