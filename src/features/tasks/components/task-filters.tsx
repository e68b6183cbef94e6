'use client';

import { Search, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId, useState, useSyncExternalStore, type MouseEvent } from 'react';
import { formatSort, SEARCH_MAX_LENGTH } from '@/platform/data/table-query';
import { isFilteredTableQuery } from '@/platform/data/table-query-change';
import type { useTableUrlState } from '@/platform/data/use-table-url-state';
import { Button } from '@/ui/button';
import { FilterChecklist } from '@/ui/filter-checklist';
import { Input } from '@/ui/input';
import { Label } from '@/ui/label';
import { NativeSelect } from '@/ui/native-select';
import { tasksPath } from '../paths';
import type { AssigneeOption } from '../server';
import { TASK_PRIORITIES, TASK_STATUSES } from '../task-fields';
import { taskQuery, type TaskFilterSpecs, type TaskSortColumn } from '../task-query';

export type TaskListState = ReturnType<typeof useTableUrlState<TaskSortColumn, TaskFilterSpecs>>;

const noSubscription = () => () => {};

/** False in the server's HTML and until React has hydrated; true after. */
function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** The year has four digits (typing "2026" into a date field passes through 0002, 0020 and 0202). */
function isCompleteDate(value: string) {
  return value === '' || /^[1-9]\d{3}-\d{2}-\d{2}$/.test(value);
}

/**
 * The tasks list's toolbar: search, status, priority, assignee and due-date
 * filters. It is a GET form on the list's own address, so before
 * JavaScript loads it filters by submitting (an "Apply filters" button is
 * shown until then); once loaded, every change goes to the URL at once
 * (search after a pause in typing).
 */
export function TaskFilters({
  slug,
  state,
  assignees,
  viewerId,
}: {
  slug: string;
  state: TaskListState;
  assignees: AssigneeOption[];
  viewerId: string;
}) {
  const t = useTranslations('tasks');
  const hydrated = useHydrated();
  const searchId = useId();
  const assigneeId = useId();
  const { query } = state;
  const filters = query.filters;
  const selectedAssignee = filters.assignee?.in.length === 1 ? filters.assignee.in[0]! : '';
  const others = assignees.filter((assignee) => assignee.userId !== viewerId);
  const filtered = isFilteredTableQuery(query);
  const cleared = state.hrefFor({ sort: query.sort, pageSize: query.pageSize });

  return (
    <form
      action={tasksPath(slug)}
      method="get"
      role="search"
      aria-label={t('list.filters.label')}
      className="flex min-w-0 flex-1 flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        state.submitSearch(state.searchText);
      }}
    >
      {/* The order and page size the list is in go along with a submission before JavaScript. */}
      {formatSort(query.sort) !== taskQuery.spec.defaultSort ? (
        <input type="hidden" name="sort" value={formatSort(query.sort)} />
      ) : null}
      {query.pageSize !== taskQuery.spec.defaultPageSize ? (
        <input type="hidden" name="pageSize" value={query.pageSize} />
      ) : null}

      <div className="grid w-full gap-1.5 sm:w-64">
        <Label htmlFor={searchId}>{t('list.filters.searchLabel')}</Label>
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
            placeholder={t('list.filters.searchPlaceholder')}
            autoComplete="off"
            className="pl-9"
          />
        </div>
      </div>

      <FilterChecklist
        name="status"
        label={t('list.filters.status')}
        chosenLabel={(count) => t('list.filters.chosen', { label: t('list.filters.status'), count })}
        options={TASK_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        selected={filters.status?.in ?? []}
        submitLabel={hydrated ? undefined : t('list.filters.apply')}
        onSelectedChange={(values) =>
          state.setFilter('status', values.length ? { in: values as (typeof TASK_STATUSES)[number][] } : undefined)
        }
      />
      <FilterChecklist
        name="priority"
        label={t('list.filters.priority')}
        chosenLabel={(count) => t('list.filters.chosen', { label: t('list.filters.priority'), count })}
        options={TASK_PRIORITIES.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
        selected={filters.priority?.in ?? []}
        submitLabel={hydrated ? undefined : t('list.filters.apply')}
        onSelectedChange={(values) =>
          state.setFilter('priority', values.length ? { in: values as (typeof TASK_PRIORITIES)[number][] } : undefined)
        }
      />

      <div className="grid gap-1.5">
        <Label htmlFor={assigneeId}>{t('list.filters.assignee')}</Label>
        <NativeSelect
          id={assigneeId}
          name="assignee"
          value={selectedAssignee}
          onChange={(event) =>
            state.setFilter('assignee', event.target.value ? { in: [event.target.value] } : undefined)
          }
          containerClassName="w-44"
        >
          <option value="">{t('list.filters.anyone')}</option>
          <option value={viewerId}>{t('list.filters.me')}</option>
          {others.map((assignee) => (
            <option key={assignee.userId} value={assignee.userId}>
              {assignee.name}
            </option>
          ))}
        </NativeSelect>
      </div>

      <DueDateRange
        from={filters.due?.from ?? ''}
        to={filters.due?.to ?? ''}
        onChange={(from, to) =>
          state.setFilter('due', from || to ? { from: from || undefined, to: to || undefined } : undefined)
        }
      />

      {hydrated ? null : (
        <Button type="submit" variant="secondary">
          {t('list.filters.apply')}
        </Button>
      )}
      {filtered ? (
        <Button asChild variant="ghost">
          <a href={cleared} onClick={(event) => handled(event, state.clear)}>
            <X aria-hidden="true" />
            {t('list.filters.clear')}
          </a>
        </Button>
      ) : null}
    </form>
  );
}

/** A plain click on a link that JavaScript handles (modified clicks open it as usual). */
function handled(event: MouseEvent, action: () => void) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  action();
}

/**
 * "Due from" and "Due until": each goes to the URL once it holds a whole
 * date (or is emptied); a range that ends before it starts stays here, with
 * a message, instead of asking the server for a list it would refuse.
 */
function DueDateRange({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
}) {
  const tFilters = useTranslations('tasks.list.filters');
  const fromId = useId();
  const toId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState({ from, to });
  // The URL changed by other means (Back, "clear filters"): show its dates.
  const [shown, setShown] = useState({ from, to });
  if (shown.from !== from || shown.to !== to) {
    setShown({ from, to });
    setDraft({ from, to });
  }
  const reversed = Boolean(draft.from && draft.to && draft.from > draft.to);

  const edit = (next: { from: string; to: string }) => {
    setDraft(next);
    if (!isCompleteDate(next.from) || !isCompleteDate(next.to)) return;
    if (next.from && next.to && next.from > next.to) return;
    if (next.from !== from || next.to !== to) onChange(next.from, next.to);
  };

  return (
    <div className="grid gap-1.5">
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid gap-1.5">
          <Label htmlFor={fromId}>{tFilters('dueFrom')}</Label>
          <Input
            id={fromId}
            type="date"
            name="due.from"
            value={draft.from}
            onChange={(event) => edit({ ...draft, from: event.target.value })}
            className="w-40"
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={toId}>{tFilters('dueTo')}</Label>
          <Input
            id={toId}
            type="date"
            name="due.to"
            value={draft.to}
            min={draft.from || undefined}
            onChange={(event) => edit({ ...draft, to: event.target.value })}
            aria-invalid={reversed || undefined}
            aria-describedby={reversed ? errorId : undefined}
            className="w-40"
          />
        </div>
      </div>
      {reversed ? (
        <p id={errorId} className="text-sm font-medium text-destructive dark:text-foreground">
          {tFilters('dueReversed')}
        </p>
      ) : null}
    </div>
  );
}
