'use client';

import { CircleAlert, ListTodo, Plus, SearchX } from 'lucide-react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useMemo, useOptimistic, useState, useSyncExternalStore } from 'react';
import { isFilteredTableQuery } from '@/platform/data/table-query-change';
import { useDataTableLabels } from '@/platform/data/use-data-table-labels';
import { useTableUrlState } from '@/platform/data/use-table-url-state';
import type { LoadedPage } from '@/platform/db/data-loader';
import { Button } from '@/ui/button';
import { cn } from '@/ui/cn';
import { DataTable, type DataTableColumn } from '@/ui/data-table';
import { EmptyState } from '@/ui/empty-state';
import { newTaskPath, taskPath } from '../paths';
import type { AssigneeOption, TaskListRow } from '../server';
import { OPEN_TASK_STATUSES, type TaskStatus } from '../task-fields';
import { taskQuery, type TaskQuery, type TaskSortColumn } from '../task-query';
import { TaskPriorityBadge, TaskStatusBadge } from './task-badges';
import { TaskBulkActions } from './task-bulk-actions';
import { TaskFilters } from './task-filters';

export interface TasksTableProps {
  organization: { id: string; name: string; slug: string };
  /** The query the server validated from the URL and rendered. */
  query: TaskQuery;
  page: LoadedPage<TaskListRow>;
  assignees: AssigneeOption[];
  viewerId: string;
  canDelete: boolean;
  /** Today as YYYY-MM-DD, from the server, so "overdue" is the same in its HTML and after hydration. */
  today: string;
}

/** The table's headers and the URL's sort names are the same (`dueDate`, `updatedAt`…). */
const sortable = new Set<string>(taskQuery.spec.sorts);

// Which columns the viewer hid, remembered in this browser.
const VISIBILITY_KEY = 'keel.tasks.columns';
const visibilityListeners = new Set<() => void>();
function subscribeVisibility(listener: () => void) {
  visibilityListeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    visibilityListeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}
function readVisibility() {
  try {
    return window.localStorage.getItem(VISIBILITY_KEY) ?? '{}';
  } catch {
    return '{}';
  }
}
function saveVisibility(visibility: Record<string, boolean>) {
  try {
    window.localStorage.setItem(VISIBILITY_KEY, JSON.stringify(visibility));
  } catch {
    // Private mode or full storage: the choice lasts until the page is left.
  }
  for (const listener of visibilityListeners) listener();
}
function useColumnVisibility(): [Record<string, boolean>, (visibility: Record<string, boolean>) => void] {
  const stored = useSyncExternalStore(subscribeVisibility, readVisibility, () => '{}');
  const visibility = useMemo<Record<string, boolean>>(() => {
    try {
      const parsed: unknown = JSON.parse(stored);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, boolean>) : {};
    } catch {
      return {};
    }
  }, [stored]);
  return [visibility, saveVisibility];
}

/**
 * The tasks list: the toolbar (search and filters), the table (sortable
 * columns, pages, hideable columns, selection) and the actions on the
 * selected tasks. Its state lives in the URL (useTableUrlState): the server
 * renders each page, this component asks for the next one.
 */
export function TasksTable({
  organization,
  query: serverQuery,
  page,
  assignees,
  viewerId,
  canDelete,
  today,
}: TasksTableProps) {
  const t = useTranslations('tasks');
  const format = useFormatter();
  const state = useTableUrlState(taskQuery, serverQuery);
  const { query, pending } = state;
  const labels = useDataTableLabels({ pagination: t('list.pagination') });
  const [columnVisibility, setColumnVisibility] = useColumnVisibility();

  const [rows, showStatus] = useOptimistic(page.rows, (current, change: { taskIds: string[]; status: TaskStatus }) =>
    current.map((row) => (change.taskIds.includes(row.id) ? { ...row, status: change.status } : row)),
  );

  // A selection belongs to the rows it was made on: another page, filter or order starts afresh.
  const [selected, setSelected] = useState<Record<string, boolean>>({});
  const listKey = taskQuery.toSearchParams(serverQuery).toString();
  const [selectionFor, setSelectionFor] = useState(listKey);
  if (selectionFor !== listKey) {
    setSelectionFor(listKey);
    setSelected({});
  }
  // Rows that left the page (deleted, or filtered out by a status change) are no longer selected.
  const selectedIds = rows.filter((row) => selected[row.id]).map((row) => row.id);

  const columns = useMemo<DataTableColumn<TaskListRow>[]>(() => {
    const calendarDay = (date: string) =>
      format.dateTime(new Date(`${date}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
    const all: Omit<DataTableColumn<TaskListRow>, 'sortable'>[] = [
      {
        id: 'title',
        header: t('fields.title'),
        rowHeader: true,
        className: 'min-w-56 max-w-md',
        cell: (task) => (
          <Link
            href={taskPath(organization.slug, task.id)}
            className="font-medium [overflow-wrap:anywhere] text-foreground underline-offset-4 hover:underline"
          >
            {task.title}
          </Link>
        ),
      },
      {
        id: 'status',
        header: t('fields.status'),
        hideable: true,
        cell: (task) => <TaskStatusBadge status={task.status} />,
      },
      {
        id: 'priority',
        header: t('fields.priority'),
        hideable: true,
        cell: (task) => <TaskPriorityBadge priority={task.priority} />,
      },
      {
        id: 'assignee',
        header: t('fields.assignee'),
        hideable: true,
        className: 'whitespace-nowrap',
        cell: (task) => task.assigneeName ?? <span className="text-muted-foreground">{t('unassigned')}</span>,
      },
      {
        id: 'dueDate',
        header: t('fields.dueDate'),
        hideable: true,
        className: 'whitespace-nowrap',
        cell: (task) => {
          if (!task.dueDate) return <span className="text-muted-foreground">{t('noDueDate')}</span>;
          const overdue = task.dueDate < today && (OPEN_TASK_STATUSES as readonly TaskStatus[]).includes(task.status);
          return overdue ? (
            <span
              className="inline-flex items-center gap-1.5 font-medium text-destructive dark:text-foreground"
              data-overdue=""
            >
              <CircleAlert aria-hidden="true" className="size-4 text-destructive" />
              {calendarDay(task.dueDate)}
              <span className="sr-only">({t('list.overdue')})</span>
            </span>
          ) : (
            calendarDay(task.dueDate)
          );
        },
      },
      {
        id: 'updatedAt',
        header: t('fields.updatedAt'),
        hideable: true,
        sortDescFirst: true,
        className: 'whitespace-nowrap text-muted-foreground',
        cell: (task) => format.dateTime(task.updatedAt, { dateStyle: 'medium' }),
      },
    ];
    return all.map((column) => ({ ...column, sortable: sortable.has(column.id) }));
  }, [format, organization.slug, t, today]);

  const filtered = isFilteredTableQuery(serverQuery);
  const emptyState = filtered ? (
    <EmptyState
      icon={<SearchX />}
      headingLevel="h2"
      title={t('list.empty.noMatchesTitle')}
      description={t('list.empty.noMatchesDescription')}
      action={
        <Button variant="outline" onClick={state.clear}>
          {t('list.empty.clear')}
        </Button>
      }
    />
  ) : (
    <EmptyState
      icon={<ListTodo />}
      headingLevel="h2"
      title={t('list.empty.noTasksTitle')}
      description={t('list.empty.noTasksDescription', { organization: organization.name })}
      action={
        <Button asChild>
          <Link href={newTaskPath(organization.slug)}>
            <Plus aria-hidden="true" />
            {t('list.empty.createFirst')}
          </Link>
        </Button>
      }
    />
  );

  const total = page.total ?? rows.length;
  return (
    // Room below the pages for the floating bar of actions on the selection.
    <div className={cn('grid min-w-0 gap-3', selectedIds.length > 0 && 'pb-20')} data-testid="tasks-list">
      <p role="status" className="sr-only">
        {pending ? '' : t('list.count', { count: total })}
      </p>
      {selectedIds.length > 0 ? (
        <TaskBulkActions
          organization={organization}
          taskIds={selectedIds}
          canDelete={canDelete}
          showStatus={showStatus}
          onClear={() => setSelected({})}
        />
      ) : null}
      <DataTable<TaskListRow>
        columns={columns}
        rows={rows}
        getRowId={(task) => task.id}
        labels={labels}
        caption={t('list.caption', { organization: organization.name })}
        captionHidden
        toolbar={<TaskFilters slug={organization.slug} state={state} assignees={assignees} viewerId={viewerId} />}
        sort={{ columnId: query.sort.column, direction: query.sort.direction }}
        onSortChange={(sort) =>
          state.setSort(sort ? { column: sort.columnId as TaskSortColumn, direction: sort.direction } : null)
        }
        sortHref={(sort) =>
          state.hrefFor({
            ...query,
            page: 1,
            sort: sort
              ? { column: sort.columnId as TaskSortColumn, direction: sort.direction }
              : taskQuery.defaults.sort,
          })
        }
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        selection={{ selected, onSelectedChange: setSelected, rowName: (task) => task.title }}
        loading={pending}
        loadingRowCount={Math.min(Math.max(rows.length, 3), 10)}
        emptyState={emptyState}
        pagination={{
          page: pending ? query.page : (page.page ?? query.page),
          pageCount: page.pageCount ?? 1,
          pageSize: query.pageSize,
          total,
          pageSizeOptions: taskQuery.spec.pageSizes,
          onPageChange: state.setPage,
          onPageSizeChange: state.setPageSize,
          pageHref: (target) => state.hrefFor({ ...query, page: target }),
        }}
      />
    </div>
  );
}
