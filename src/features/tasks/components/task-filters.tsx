'use client';

import { Check, Search, SlidersHorizontal, X } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState, useSyncExternalStore, type MouseEvent } from 'react';
import { formatSort, SEARCH_MAX_LENGTH } from '@/platform/data/table-query';
import { isFilteredTableQuery } from '@/platform/data/table-query-change';
import type { useTableUrlState } from '@/platform/data/use-table-url-state';
import type { Locale } from '@/platform/config/constants';
import { calendarLocales } from '@/platform/i18n/calendar-locales';
import { Button, buttonVariants } from '@/ui/button';
import { cn } from '@/ui/cn';
import { DatePicker } from '@/ui/date-picker';
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
 * filters, in one row (a sheet on phones). It is a GET form on the list's own
 * address, so before JavaScript loads it filters by submitting (an "Apply
 * filters" button is shown until then, and keeps its place after); once
 * loaded, every change goes to the URL at once (search after a pause in
 * typing). Nothing in the row moves when JavaScript takes over.
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
  const sheetId = useId();
  const panelId = useId();
  const { query } = state;
  const filters = query.filters;
  const selectedAssignee = filters.assignee?.in.length === 1 ? filters.assignee.in[0]! : '';
  const others = assignees.filter((assignee) => assignee.userId !== viewerId);
  const filtered = isFilteredTableQuery(query);
  const cleared = state.hrefFor({ sort: query.sort, pageSize: query.pageSize });

  const activeCount = [filters.status, filters.priority, filters.assignee, filters.due].filter(Boolean).length;

  return (
    <form
      action={tasksPath(slug)}
      method="get"
      role="search"
      aria-label={t('list.filters.label')}
      className="flex min-w-0 flex-1 flex-wrap items-center gap-2"
      data-testid="tasks-toolbar"
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

      {/* Every control names itself (placeholder, button text, chosen value); its label is for assistive tech. */}
      <div className="relative min-w-0 flex-1 sm:w-40 sm:flex-none">
        <Label htmlFor={searchId} className="sr-only">
          {t('list.filters.searchLabel')}
        </Label>
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

      {/* On phones the filters are a sheet from the bottom, opened by a checkbox styled as a button: it opens
          before JavaScript loads too, and nothing in the row changes when it does. */}
      <input id={sheetId} type="checkbox" className="peer sr-only sm:hidden" aria-controls={panelId} />
      <label
        htmlFor={sheetId}
        className={cn(
          buttonVariants({ variant: 'outline', size: 'md' }),
          'peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ring sm:hidden',
          activeCount > 0 && 'border-primary',
        )}
      >
        <SlidersHorizontal aria-hidden="true" />
        {activeCount > 0 ? t('list.filters.sheetChosen', { count: activeCount }) : t('list.filters.sheet')}
      </label>
      <label
        htmlFor={sheetId}
        aria-hidden="true"
        className="fixed inset-0 z-40 hidden bg-black/50 max-sm:peer-checked:block"
      />
      <div
        id={panelId}
        className={cn(
          'max-sm:hidden max-sm:peer-checked:fixed max-sm:peer-checked:inset-x-0 max-sm:peer-checked:bottom-0',
          'max-sm:peer-checked:z-50 max-sm:peer-checked:grid max-sm:peer-checked:gap-3 max-sm:peer-checked:rounded-t-xl',
          'max-sm:peer-checked:border-t max-sm:peer-checked:bg-background max-sm:peer-checked:p-4',
          'max-sm:peer-checked:shadow-lg sm:contents',
        )}
      >
        <p className="text-base font-semibold sm:hidden">{t('list.filters.sheet')}</p>
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
            state.setFilter(
              'priority',
              values.length ? { in: values as (typeof TASK_PRIORITIES)[number][] } : undefined,
            )
          }
        />

        <div>
          <Label htmlFor={assigneeId} className="sr-only">
            {t('list.filters.assignee')}
          </Label>
          <NativeSelect
            id={assigneeId}
            name="assignee"
            value={selectedAssignee}
            onChange={(event) =>
              state.setFilter('assignee', event.target.value ? { in: [event.target.value] } : undefined)
            }
            containerClassName="w-full sm:w-36"
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

        {filtered ? (
          <Button asChild variant="ghost">
            <a href={cleared} onClick={(event) => handled(event, state.clear)}>
              <X aria-hidden="true" />
              {t('list.filters.clear')}
            </a>
          </Button>
        ) : null}

        {/* Before JavaScript the form applies on submit. Once it applies every change at once, the button keeps its
            place without showing (on phones it lives in the closed sheet), so the row does not move. */}
        <Button
          type="submit"
          variant="secondary"
          size="icon"
          aria-label={t('list.filters.apply')}
          title={t('list.filters.apply')}
          className={cn(hydrated && 'invisible max-sm:hidden')}
          data-testid="apply-filters"
        >
          <Check aria-hidden="true" />
        </Button>
        <label htmlFor={sheetId} className={cn(buttonVariants({ variant: 'default', size: 'md' }), 'sm:hidden')}>
          {t('list.filters.sheetDone')}
        </label>
      </div>
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
  const locale = useLocale() as Locale;
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

  const labels = { calendar: tFilters('calendar'), clear: tFilters('clearDate') };
  return (
    <div className="grid gap-1.5 max-sm:w-full">
      <div className="flex items-center gap-2">
        <Label htmlFor={fromId} className="sr-only">
          {tFilters('dueFrom')}
        </Label>
        <DatePicker
          id={fromId}
          name="due.from"
          value={draft.from}
          onChange={(value) => edit({ ...draft, from: value })}
          locale={calendarLocales[locale]}
          placeholder={tFilters('dueFrom')}
          labels={labels}
          className="max-sm:flex-1 sm:w-38"
        />
        <Label htmlFor={toId} className="sr-only">
          {tFilters('dueTo')}
        </Label>
        <DatePicker
          id={toId}
          name="due.to"
          value={draft.to}
          min={draft.from || undefined}
          onChange={(value) => edit({ ...draft, to: value })}
          locale={calendarLocales[locale]}
          placeholder={tFilters('dueTo')}
          labels={labels}
          aria-invalid={reversed || undefined}
          aria-describedby={reversed ? errorId : undefined}
          className="max-sm:flex-1 sm:w-38"
        />
      </div>
      {reversed ? (
        <p id={errorId} className="text-sm font-medium text-destructive dark:text-foreground">
          {tFilters('dueReversed')}
        </p>
      ) : null}
    </div>
  );
}
