'use client';

import type { RowData } from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import { Checkbox } from '../checkbox';
import { cn } from '../cn';
import { TableHead, TableHeader, TableRow } from '../table';
import { handledClick } from './link-click';
import type { DataTableColumn, DataTableLabels, DataTableSort } from './types';
import { alignClasses, SELECT_COLUMN, type DataTableHeaderCell, type DataTableInstance } from './use-data-table';

/** The header row: the select-all checkbox (with `selection`) and a cell per visible column. */
export function DataTableHeader<TRow extends RowData>({
  table,
  byId,
  labels,
  selectAllDisabled,
  sortHref,
}: {
  table: DataTableInstance<TRow>;
  byId: ReadonlyMap<string, DataTableColumn<TRow>>;
  labels: DataTableLabels;
  selectAllDisabled: boolean;
  sortHref?: (sort: DataTableSort | null) => string;
}) {
  return (
    <TableHeader>
      {table.getHeaderGroups().map((group) => (
        <TableRow key={group.id} className="hover:bg-transparent">
          {group.headers.map((header) =>
            header.column.id === SELECT_COLUMN ? (
              <SelectAllHead key={header.id} table={table} label={labels.selectAll} disabled={selectAllDisabled} />
            ) : (
              <ColumnHead key={header.id} header={header} column={byId.get(header.column.id)!} sortHref={sortHref} />
            ),
          )}
        </TableRow>
      ))}
    </TableHeader>
  );
}

/** Checked when every row of the page is, "indeterminate" when some are. */
function SelectAllHead<TRow extends RowData>({
  table,
  label,
  disabled,
}: {
  table: DataTableInstance<TRow>;
  label?: string;
  disabled: boolean;
}) {
  const all = table.getIsAllPageRowsSelected();
  const some = table.getIsSomePageRowsSelected();
  return (
    <TableHead className="w-10 pe-0">
      <Checkbox
        aria-label={label}
        checked={all ? true : some ? 'indeterminate' : false}
        disabled={disabled}
        onCheckedChange={() => table.toggleAllPageRowsSelected(!all)}
        className="align-middle"
      />
    </TableHead>
  );
}

/**
 * A column's header: its name, and for a sortable column a button (or a link,
 * with `sortHref`) that asks for the next sort, with an arrow for the current one.
 */
function ColumnHead<TRow extends RowData>({
  header,
  column,
  sortHref,
}: {
  header: DataTableHeaderCell<TRow>;
  column: DataTableColumn<TRow>;
  sortHref?: (sort: DataTableSort | null) => string;
}) {
  const active = header.column.getIsSorted();
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
      aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : undefined}
      className={cn(alignClasses[column.align ?? 'start'], column.className)}
    >
      {canSort && sortHref ? (
        <a
          href={sortHref(nextSort)}
          onClick={(event) => handledClick(event, () => header.column.toggleSorting())}
          className={sortClasses}
        >
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
}
