'use client';

import {
  columnVisibilityFeature,
  functionalUpdate,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnVisibilityState,
  type PaginationState,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ChevronLeft, ChevronRight, ChevronsUpDown, Columns3 } from 'lucide-react';
import { useId, useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import { Button } from './button';
import { Checkbox } from './checkbox';
import { cn } from './cn';
import { DropdownMenu, DropdownMenuCheckboxItem, DropdownMenuContent, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from './dropdown-menu';
import { Label } from './label';
import { NativeSelect } from './native-select';
import { Skeleton } from './skeleton';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from './table';

/*
 * A presentational data table on TanStack Table v9. It renders the page of
 * rows it is given and reports what the user asked for — another sort, page
 * or page size, hidden columns, selected rows — through callbacks. Sorting
 * and paging are "manual": the caller fetches the rows (usually from the
 * URL, see src/platform/data/use-table-url-state.ts); the table never
 * reorders or slices them. Every text comes from the caller.
 */

export type SortDirection = 'asc' | 'desc';

export interface DataTableSort {
  columnId: string;
  direction: SortDirection;
}

export interface DataTableColumn<TRow> {
  id: string;
  /** The header's text; also the column's name in the "Columns" menu. */
  header: string;
  cell: (row: TRow) => ReactNode;
  /** Makes the header a sort button (needs `onSortChange`). */
  sortable?: boolean;
  /** Whether the first click sorts descending (dates: newest first). */
  sortDescFirst?: boolean;
  /** Lists the column in the "Columns" menu so the user may hide it. */
  hideable?: boolean;
  align?: 'start' | 'center' | 'end';
  /** Renders this column's cells as row headers (`<th scope="row">`), e.g. a name column. */
  rowHeader?: boolean;
  /** Classes for this column's header and body cells (widths, hiding on small screens). */
  className?: string;
}

export interface DataTablePagination {
  /** The current page, starting at 1. */
  page: number;
  pageCount: number;
  pageSize: number;
  /** How many rows all pages hold, for "1–25 of 60"; without it only "Page 1 of 3" shows. */
  total?: number;
  /** The choices in the page-size select; without `onPageSizeChange` the select is not shown. */
  pageSizeOptions?: readonly number[];
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  /** The address of a page: previous/next become links that work before JavaScript loads (a click still calls `onPageChange`). */
  pageHref?: (page: number) => string;
}

/** Every text the table shows or announces, so callers pass translations. */
export interface DataTableLabels {
  /** Announced while rows load, e.g. "Loading…". */
  loading: string;
  /** Name of the pagination landmark, e.g. "Pagination". */
  pagination: string;
  previousPage: string;
  nextPage: string;
  /** Label of the page-size select, e.g. "Rows per page". */
  pageSize: string;
  /** e.g. `(page, count) => t('pageOf', { page, count })` → "Page 2 of 7". */
  pageOf: (page: number, pageCount: number) => string;
  /** e.g. "26–50 of 60"; used when the pagination has a `total`. */
  range?: (first: number, last: number, total: number) => string;
  /** The "Columns" menu's button, e.g. "Columns". */
  columns?: string;
  /** The heading inside that menu, e.g. "Show columns". */
  columnsMenu?: string;
  /** Name of the header checkbox, e.g. "Select all rows on this page". */
  selectAll?: string;
  /** Name of a row's checkbox, e.g. `(name) => t('selectRow', { name })` → "Select Fix the login". */
  selectRow?: (rowName: string) => string;
}

export interface DataTableSelection<TRow> {
  /** Ids of the selected rows (from `getRowId`); controlled by the caller. */
  selected: Readonly<Record<string, boolean>>;
  onSelectedChange: (selected: Record<string, boolean>) => void;
  /** The row's name in its checkbox's label (usually its title). */
  rowName: (row: TRow) => string;
}

export interface DataTableProps<TRow extends RowData> {
  columns: DataTableColumn<TRow>[];
  rows: TRow[];
  getRowId: (row: TRow) => string;
  labels: DataTableLabels;
  /** Names the table; strongly recommended. Use `captionHidden` to keep it for screen readers only. */
  caption?: ReactNode;
  captionHidden?: boolean;
  sort?: DataTableSort | null;
  /** Called with the next sort: a column's first direction → the other → none (null). */
  onSortChange?: (sort: DataTableSort | null) => void;
  /** The address of a sort: headers become links that work before JavaScript loads (a click still calls `onSortChange`). */
  sortHref?: (sort: DataTableSort | null) => string;
  /** Hidden columns are `false`; absent ids are shown. Controlled when given (the caller may persist it). */
  columnVisibility?: Readonly<Record<string, boolean>>;
  onColumnVisibilityChange?: (visibility: Record<string, boolean>) => void;
  /** Adds a checkbox column: one per row and one for every row of the page. */
  selection?: DataTableSelection<TRow>;
  /** Controls shown above the table, before the "Columns" menu (filters, search). */
  toolbar?: ReactNode;
  loading?: boolean;
  /** How many skeleton rows to show while loading; defaults to the page size (at most 10), or 5. */
  loadingRowCount?: number;
  /** Shown in place of the rows when there are none (e.g. an EmptyState). */
  emptyState?: ReactNode;
  pagination?: DataTablePagination;
  className?: string;
}

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature, columnVisibilityFeature, rowSelectionFeature });

const SELECT_COLUMN = '__select';
const alignClasses = { start: 'text-start', center: 'text-center', end: 'text-end' } as const;
const noSelection: Readonly<Record<string, boolean>> = {};

/** A plain left click on a link: let the table handle it instead of the browser. */
function handledClick(event: MouseEvent, action: () => void) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  action();
}

/** TanStack's selection state keeps only selected ids (`true`). */
function selectionState(selected: Readonly<Record<string, boolean>>): RowSelectionState {
  return Object.fromEntries(Object.entries(selected).filter(([, value]) => value)) as RowSelectionState;
}

export function DataTable<TRow extends RowData>({
  columns,
  rows,
  getRowId,
  labels,
  caption,
  captionHidden = false,
  sort,
  onSortChange,
  sortHref,
  columnVisibility: controlledVisibility,
  onColumnVisibilityChange,
  selection,
  toolbar,
  loading = false,
  loadingRowCount,
  emptyState,
  pagination,
  className,
}: DataTableProps<TRow>) {
  const [ownVisibility, setOwnVisibility] = useState<Record<string, boolean>>({});
  const columnVisibility = (controlledVisibility ?? ownVisibility) as ColumnVisibilityState;
  const selected = selection?.selected ?? noSelection;
  const selectable = Boolean(selection);

  const byId = useMemo(() => new Map(columns.map((column) => [column.id, column])), [columns]);
  // The caller's `cell` renders from the row itself, and the server has already sorted and sliced:
  // the accessor only tells TanStack the column holds data (sortable columns need one).
  const columnDefs = useMemo<ColumnDef<typeof features, TRow>[]>(
    () => [
      ...(selectable ? [{ id: SELECT_COLUMN, enableSorting: false, enableHiding: false }] : []),
      ...columns.map((column) => ({
        id: column.id,
        accessorFn: (row: TRow) => row,
        enableSorting: Boolean(column.sortable),
        enableHiding: Boolean(column.hideable),
        sortDescFirst: column.sortDescFirst ?? false,
      })),
    ],
    [columns, selectable],
  );

  const sorting: SortingState = sort ? [{ id: sort.columnId, desc: sort.direction === 'desc' }] : [];
  const paginationState: PaginationState = { pageIndex: Math.max((pagination?.page ?? 1) - 1, 0), pageSize: pagination?.pageSize ?? Math.max(rows.length, 1) };

  const table = useTable({
    features,
    columns: columnDefs,
    data: rows,
    getRowId: (row) => getRowId(row),
    state: { sorting, pagination: paginationState, columnVisibility, rowSelection: selectionState(selected) },
    manualSorting: true,
    manualPagination: true,
    autoResetPageIndex: false,
    pageCount: Math.max(pagination?.pageCount ?? 1, 1),
    enableMultiSort: false,
    enableSorting: Boolean(onSortChange),
    enableRowSelection: selectable,
    // A shift-click selects the rows between the last one clicked and this one.
    isRowRangeSelectionEvent: (event) => Boolean((event as { shiftKey?: boolean }).shiftKey),
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = functionalUpdate(updater, sorting);
      onSortChange?.(next ? { columnId: next.id, direction: next.desc ? 'desc' : 'asc' } : null);
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      if (!pagination) return;
      const next = functionalUpdate(updater, paginationState);
      if (next.pageSize !== paginationState.pageSize) pagination.onPageSizeChange?.(next.pageSize);
      else if (next.pageIndex !== paginationState.pageIndex) pagination.onPageChange(next.pageIndex + 1);
    },
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => {
      const next = functionalUpdate(updater, columnVisibility);
      if (!controlledVisibility) setOwnVisibility(next);
      onColumnVisibilityChange?.(next);
    },
    onRowSelectionChange: (updater: Updater<RowSelectionState>) => {
      selection?.onSelectedChange(functionalUpdate(updater, selectionState(selected)));
    },
  });

  const visibleColumns = table.getVisibleLeafColumns();
  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());
  const skeletonRows = loadingRowCount ?? Math.min(pagination?.pageSize ?? 5, 10);
  const pageRows = table.getRowModel().rows;

  const columnsMenu =
    hideable.length > 0 && labels.columns ? (
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm">
            <Columns3 aria-hidden="true" />
            {labels.columns}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {labels.columnsMenu ? (
            <>
              <DropdownMenuLabel>{labels.columnsMenu}</DropdownMenuLabel>
              <DropdownMenuSeparator />
            </>
          ) : null}
          {hideable.map((column) => (
            <DropdownMenuCheckboxItem
              key={column.id}
              checked={column.getIsVisible()}
              onCheckedChange={(checked) => column.toggleVisibility(checked)}
              // The menu stays open so several columns can be switched in a row.
              onSelect={(event) => event.preventDefault()}
            >
              {byId.get(column.id)?.header ?? column.id}
            </DropdownMenuCheckboxItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
    ) : null;

  return (
    <div className={cn('grid min-w-0 gap-3', className)}>
      {toolbar || columnsMenu ? (
        // The caller's controls take the whole width on narrow screens, with the Columns menu below them.
        <div className="flex flex-wrap items-end justify-end gap-2">
          {toolbar ? <div className="flex min-w-0 grow basis-full md:basis-0">{toolbar}</div> : null}
          {columnsMenu}
        </div>
      ) : null}
      <div className="min-w-0 rounded-lg border border-border">
        <Table aria-busy={loading || undefined}>
          {caption ? <TableCaption className={cn('px-3 pb-3 text-start', captionHidden && 'sr-only')}>{caption}</TableCaption> : null}
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id} className="hover:bg-transparent">
                {group.headers.map((header) => {
                  if (header.column.id === SELECT_COLUMN) {
                    const all = table.getIsAllPageRowsSelected();
                    const some = table.getIsSomePageRowsSelected();
                    return (
                      <TableHead key={header.id} className="w-10 pe-0">
                        <Checkbox
                          aria-label={labels.selectAll}
                          checked={all ? true : some ? 'indeterminate' : false}
                          disabled={loading || rows.length === 0}
                          onCheckedChange={() => table.toggleAllPageRowsSelected(!all)}
                          className="align-middle"
                        />
                      </TableHead>
                    );
                  }
                  const column = byId.get(header.column.id)!;
                  const active = header.column.getIsSorted();
                  const align = alignClasses[column.align ?? 'start'];
                  const canSort = header.column.getCanSort();
                  const next = header.column.getNextSortingOrder();
                  const nextSort: DataTableSort | null = next ? { columnId: column.id, direction: next } : null;
                  const sortContent = (
                    <>
                      {column.header}
                      {active === 'asc' ? (
                        <ArrowUp aria-hidden="true" className="size-4" />
                      ) : active === 'desc' ? (
                        <ArrowDown aria-hidden="true" className="size-4" />
                      ) : (
                        <ChevronsUpDown aria-hidden="true" className="size-4 opacity-70" />
                      )}
                    </>
                  );
                  const sortClasses = cn(
                    '-mx-2 inline-flex h-8 cursor-pointer items-center gap-1.5 rounded-md px-2 font-medium whitespace-nowrap transition-colors',
                    'hover:bg-accent hover:text-accent-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring',
                    active && 'text-foreground',
                    column.align === 'end' && 'flex-row-reverse',
                  );
                  return (
                    <TableHead
                      key={header.id}
                      aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : undefined}
                      className={cn(align, column.className)}
                    >
                      {canSort && sortHref ? (
                        <a href={sortHref(nextSort)} onClick={(event) => handledClick(event, () => header.column.toggleSorting())} className={sortClasses}>
                          {sortContent}
                        </a>
                      ) : canSort ? (
                        <button type="button" onClick={() => header.column.toggleSorting()} className={sortClasses}>
                          {sortContent}
                        </button>
                      ) : (
                        column.header
                      )}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {loading ? (
              Array.from({ length: skeletonRows }, (_, index) => (
                <TableRow key={`loading-${index}`} className="hover:bg-transparent">
                  {visibleColumns.map((leaf) => {
                    const column = byId.get(leaf.id);
                    return (
                      <TableCell key={leaf.id} className={cn(alignClasses[column?.align ?? 'start'], column?.className)}>
                        <Skeleton className={cn('h-4 w-full', column ? 'max-w-32' : 'max-w-4', column?.align === 'end' && 'ml-auto')} />
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))
            ) : pageRows.length === 0 ? (
              <TableRow className="hover:bg-transparent">
                <TableCell colSpan={visibleColumns.length} className="p-0">
                  {emptyState}
                </TableCell>
              </TableRow>
            ) : (
              pageRows.map((row) => (
                <TableRow key={row.id} data-state={row.getIsSelected() ? 'selected' : undefined}>
                  {row.getVisibleCells().map((cell) => {
                    if (cell.column.id === SELECT_COLUMN) {
                      const toggle = row.getToggleSelectedHandler();
                      return (
                        <TableCell key={cell.id} className="w-10 pe-0">
                          <Checkbox
                            aria-label={labels.selectRow ? labels.selectRow(selection!.rowName(row.original)) : selection!.rowName(row.original)}
                            checked={row.getIsSelected()}
                            // The click (not Radix's change callback) carries the Shift key for range selection.
                            onClick={(event) => toggle({ target: { checked: !row.getIsSelected() }, shiftKey: event.shiftKey })}
                            className="align-middle"
                          />
                        </TableCell>
                      );
                    }
                    const column = byId.get(cell.column.id)!;
                    const classes = cn(alignClasses[column.align ?? 'start'], column.className);
                    return column.rowHeader ? (
                      <TableHead key={cell.id} scope="row" className={cn('h-auto py-2.5 font-medium whitespace-normal text-foreground', classes)}>
                        {column.cell(row.original)}
                      </TableHead>
                    ) : (
                      <TableCell key={cell.id} className={classes}>
                        {column.cell(row.original)}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
        <p role="status" className="sr-only">
          {loading ? labels.loading : ''}
        </p>
      </div>
      {pagination ? (
        <DataTablePaginationBar
          pagination={pagination}
          labels={labels}
          canPrevious={table.getCanPreviousPage()}
          canNext={table.getCanNextPage()}
          onPrevious={() => table.previousPage()}
          onNext={() => table.nextPage()}
          onPageSize={(size) => table.setPageSize(size)}
        />
      ) : null}
    </div>
  );
}

function DataTablePaginationBar({
  pagination,
  labels,
  canPrevious,
  canNext,
  onPrevious,
  onNext,
  onPageSize,
}: {
  pagination: DataTablePagination;
  labels: DataTableLabels;
  canPrevious: boolean;
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onPageSize: (size: number) => void;
}) {
  const sizeId = useId();
  const { page, pageSize, pageSizeOptions, total, onPageSizeChange, pageHref } = pagination;
  const pageCount = Math.max(pagination.pageCount, 1);
  const current = Math.min(page, pageCount);
  const options = pageSizeOptions?.includes(pageSize) ? pageSizeOptions : [...(pageSizeOptions ?? []), pageSize].sort((a, b) => a - b);
  const first = total ? (current - 1) * pageSize + 1 : 0;
  const last = total ? Math.min(current * pageSize, total) : 0;

  return (
    <nav aria-label={labels.pagination} className="flex flex-wrap items-center justify-between gap-x-6 gap-y-3">
      {onPageSizeChange ? (
        <div className="flex items-center gap-2">
          <Label htmlFor={sizeId} className="whitespace-nowrap text-muted-foreground">
            {labels.pageSize}
          </Label>
          <NativeSelect id={sizeId} value={String(pageSize)} onChange={(event) => onPageSize(Number(event.target.value))} containerClassName="w-20" className="h-8">
            {options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </NativeSelect>
        </div>
      ) : null}
      <div className="ml-auto flex flex-wrap items-center justify-end gap-x-3 gap-y-2">
        <p aria-live="polite" className="text-sm whitespace-nowrap text-muted-foreground">
          {total !== undefined && labels.range && total > 0 ? <span className="me-3">{labels.range(first, last, total)}</span> : null}
          {labels.pageOf(current, pageCount)}
        </p>
        <div className="flex items-center gap-2">
          <PageButton href={canPrevious && pageHref ? pageHref(current - 1) : null} rel="prev" disabled={!canPrevious} onClick={onPrevious}>
            <ChevronLeft aria-hidden="true" className="rtl:rotate-180" />
            <span className="sr-only sm:not-sr-only">{labels.previousPage}</span>
          </PageButton>
          <PageButton href={canNext && pageHref ? pageHref(current + 1) : null} rel="next" disabled={!canNext} onClick={onNext}>
            <span className="sr-only sm:not-sr-only">{labels.nextPage}</span>
            <ChevronRight aria-hidden="true" className="rtl:rotate-180" />
          </PageButton>
        </div>
      </div>
    </nav>
  );
}

/** A link to the page when there is an address for it, a button otherwise; disabled at either end. */
function PageButton({ href, rel, disabled, onClick, children }: { href: string | null; rel: 'prev' | 'next'; disabled: boolean; onClick: () => void; children: ReactNode }) {
  if (href && !disabled) {
    return (
      <Button asChild variant="outline" size="sm">
        <a href={href} rel={rel} onClick={(event) => handledClick(event, onClick)}>
          {children}
        </a>
      </Button>
    );
  }
  return (
    <Button variant="outline" size="sm" onClick={onClick} disabled={disabled}>
      {children}
    </Button>
  );
}
