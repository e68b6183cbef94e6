'use client';

import { ArrowDown, ArrowUp, ChevronLeft, ChevronRight, ChevronsUpDown } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { Button } from './button';
import { cn } from './cn';
import { Label } from './label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from './select';
import { Skeleton } from './skeleton';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from './table';

/*
 * A presentational table shell: it renders what it is given and reports what
 * the user asked for (sort, page, page size) through callbacks. Fetching,
 * sorting and paging the data stay with the caller (usually in the URL).
 */

export type SortDirection = 'asc' | 'desc';

export interface DataTableSort {
  columnId: string;
  direction: SortDirection;
}

export interface DataTableColumn<TRow> {
  id: string;
  header: ReactNode;
  cell: (row: TRow, rowIndex: number) => ReactNode;
  /** Shows a sort button in the header that calls `onSortChange`. */
  sortable?: boolean;
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
  /** The choices in the page-size select; without `onPageSizeChange` the select is not shown. */
  pageSizeOptions?: number[];
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
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
}

export interface DataTableProps<TRow> {
  columns: DataTableColumn<TRow>[];
  rows: TRow[];
  getRowId: (row: TRow) => string;
  labels: DataTableLabels;
  /** Names the table; strongly recommended. Use `captionHidden` to keep it for screen readers only. */
  caption?: ReactNode;
  captionHidden?: boolean;
  sort?: DataTableSort | null;
  /** Called with the next sort: unsorted → ascending → descending → unsorted (null). */
  onSortChange?: (sort: DataTableSort | null) => void;
  loading?: boolean;
  /** How many skeleton rows to show while loading; defaults to the page size, or 5. */
  loadingRowCount?: number;
  /** Shown in place of the rows when there are none (e.g. an EmptyState). */
  emptyState?: ReactNode;
  pagination?: DataTablePagination;
  className?: string;
}

const alignClasses = { start: 'text-start', center: 'text-center', end: 'text-end' } as const;

function nextSort(current: DataTableSort | null | undefined, columnId: string): DataTableSort | null {
  if (!current || current.columnId !== columnId) return { columnId, direction: 'asc' };
  if (current.direction === 'asc') return { columnId, direction: 'desc' };
  return null;
}

export function DataTable<TRow>({
  columns,
  rows,
  getRowId,
  labels,
  caption,
  captionHidden = false,
  sort,
  onSortChange,
  loading = false,
  loadingRowCount,
  emptyState,
  pagination,
  className,
}: DataTableProps<TRow>) {
  const skeletonRows = loadingRowCount ?? Math.min(pagination?.pageSize ?? 5, 10);

  return (
    <div className={cn('grid gap-3', className)}>
      <div className="rounded-lg border border-border">
        <Table aria-busy={loading || undefined}>
          {caption ? <TableCaption className={cn('px-3 pb-3 text-start', captionHidden && 'sr-only')}>{caption}</TableCaption> : null}
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              {columns.map((column) => {
                const active = sort?.columnId === column.id ? sort.direction : null;
                const align = alignClasses[column.align ?? 'start'];
                return (
                  <TableHead
                    key={column.id}
                    aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : undefined}
                    className={cn(align, column.className)}
                  >
                    {column.sortable && onSortChange ? (
                      <button
                        type="button"
                        onClick={() => onSortChange(nextSort(sort, column.id))}
                        className={cn(
                          '-mx-2 inline-flex h-8 cursor-pointer items-center gap-1.5 rounded-md px-2 font-medium whitespace-nowrap transition-colors',
                          'hover:bg-accent hover:text-accent-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring',
                          active && 'text-foreground',
                          column.align === 'end' && 'flex-row-reverse',
                        )}
                      >
                        {column.header}
                        {active === 'asc' ? (
                          <ArrowUp aria-hidden="true" className="size-4" />
                        ) : active === 'desc' ? (
                          <ArrowDown aria-hidden="true" className="size-4" />
                        ) : (
                          <ChevronsUpDown aria-hidden="true" className="size-4 opacity-70" />
                        )}
                      </button>
                    ) : (
                      column.header
                    )}
                  </TableHead>
                );
              })}
            </TableRow>
          </TableHeader>
          <TableBody>
            {loading ? (
              Array.from({ length: skeletonRows }, (_, index) => (
                <TableRow key={`loading-${index}`} className="hover:bg-transparent">
                  {columns.map((column) => (
                    <TableCell key={column.id} className={cn(alignClasses[column.align ?? 'start'], column.className)}>
                      <Skeleton className={cn('h-4 w-full max-w-32', column.align === 'end' && 'ml-auto')} />
                    </TableCell>
                  ))}
                </TableRow>
              ))
            ) : rows.length === 0 ? (
              <TableRow className="hover:bg-transparent">
                <TableCell colSpan={columns.length} className="p-0">
                  {emptyState}
                </TableCell>
              </TableRow>
            ) : (
              rows.map((row, rowIndex) => (
                <TableRow key={getRowId(row)}>
                  {columns.map((column) =>
                    column.rowHeader ? (
                      <TableHead
                        key={column.id}
                        scope="row"
                        className={cn('h-auto py-2.5 font-medium whitespace-normal text-foreground', alignClasses[column.align ?? 'start'], column.className)}
                      >
                        {column.cell(row, rowIndex)}
                      </TableHead>
                    ) : (
                      <TableCell key={column.id} className={cn(alignClasses[column.align ?? 'start'], column.className)}>
                        {column.cell(row, rowIndex)}
                      </TableCell>
                    ),
                  )}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
        <p role="status" className="sr-only">
          {loading ? labels.loading : ''}
        </p>
      </div>
      {pagination ? <DataTablePaginationBar pagination={pagination} labels={labels} /> : null}
    </div>
  );
}

function DataTablePaginationBar({
  pagination,
  labels,
}: {
  pagination: DataTablePagination;
  labels: DataTableLabels;
}) {
  const sizeId = useId();
  const { page, pageSize, pageSizeOptions, onPageChange, onPageSizeChange } = pagination;
  const pageCount = Math.max(pagination.pageCount, 1);
  const options = pageSizeOptions?.includes(pageSize) ? pageSizeOptions : [...(pageSizeOptions ?? []), pageSize].sort((a, b) => a - b);

  return (
    <nav aria-label={labels.pagination} className="flex flex-wrap items-center justify-between gap-x-6 gap-y-3">
      {onPageSizeChange ? (
        <div className="flex items-center gap-2">
          <Label htmlFor={sizeId} className="whitespace-nowrap text-muted-foreground">
            {labels.pageSize}
          </Label>
          <Select value={String(pageSize)} onValueChange={(value) => onPageSizeChange(Number(value))}>
            <SelectTrigger id={sizeId} className="h-8 w-20">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {options.map((option) => (
                <SelectItem key={option} value={String(option)}>
                  {option}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      ) : null}
      <div className="ml-auto flex items-center gap-3">
        <p aria-live="polite" className="text-sm whitespace-nowrap text-muted-foreground">
          {labels.pageOf(Math.min(page, pageCount), pageCount)}
        </p>
        <div className="flex items-center gap-2">
          <Button variant="outline" size="sm" onClick={() => onPageChange(page - 1)} disabled={page <= 1}>
            <ChevronLeft aria-hidden="true" className="rtl:rotate-180" />
            <span className="sr-only sm:not-sr-only">{labels.previousPage}</span>
          </Button>
          <Button variant="outline" size="sm" onClick={() => onPageChange(page + 1)} disabled={page >= pageCount}>
            <span className="sr-only sm:not-sr-only">{labels.nextPage}</span>
            <ChevronRight aria-hidden="true" className="rtl:rotate-180" />
          </Button>
        </div>
      </div>
    </nav>
  );
}
