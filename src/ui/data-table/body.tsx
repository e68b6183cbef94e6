'use client';

import type { RowData } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { Checkbox } from '../checkbox';
import { cn } from '../cn';
import { Skeleton } from '../skeleton';
import { TableBody, TableCell, TableHead, TableRow } from '../table';
import type { DataTableColumn, DataTableLabels, DataTableSelection } from './types';
import { alignClasses, SELECT_COLUMN, type DataTableInstance, type DataTableRow } from './use-data-table';

/** The rows of the page; skeleton rows while loading; the empty state when there are none. */
export function DataTableBody<TRow extends RowData>({
  table,
  byId,
  labels,
  selection,
  loading,
  skeletonRows,
  emptyState,
}: {
  table: DataTableInstance<TRow>;
  byId: ReadonlyMap<string, DataTableColumn<TRow>>;
  labels: DataTableLabels;
  selection?: DataTableSelection<TRow>;
  loading: boolean;
  skeletonRows: number;
  emptyState?: ReactNode;
}) {
  const visibleColumns = table.getVisibleLeafColumns();
  const pageRows = table.getRowModel().rows;

  if (loading) {
    return (
      <TableBody>
        {Array.from({ length: skeletonRows }, (_, index) => (
          <TableRow key={`loading-${index}`} className="hover:bg-transparent">
            {visibleColumns.map((leaf) => {
              const column = byId.get(leaf.id);
              return (
                <TableCell key={leaf.id} className={cn(alignClasses[column?.align ?? 'start'], column?.className)}>
                  <Skeleton
                    className={cn('h-4 w-full', column ? 'max-w-32' : 'max-w-4', column?.align === 'end' && 'ml-auto')}
                  />
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    );
  }

  if (pageRows.length === 0) {
    return (
      <TableBody>
        <TableRow className="hover:bg-transparent">
          <TableCell colSpan={visibleColumns.length} className="p-0">
            {emptyState}
          </TableCell>
        </TableRow>
      </TableBody>
    );
  }

  return (
    <TableBody>
      {pageRows.map((row) => (
        <DataTableBodyRow key={row.id} row={row} byId={byId} labels={labels} selection={selection} />
      ))}
    </TableBody>
  );
}

function DataTableBodyRow<TRow extends RowData>({
  row,
  byId,
  labels,
  selection,
}: {
  row: DataTableRow<TRow>;
  byId: ReadonlyMap<string, DataTableColumn<TRow>>;
  labels: DataTableLabels;
  selection?: DataTableSelection<TRow>;
}) {
  return (
    <TableRow data-state={row.getIsSelected() ? 'selected' : undefined}>
      {row.getVisibleCells().map((cell) => {
        if (cell.column.id === SELECT_COLUMN) {
          const toggle = row.getToggleSelectedHandler();
          const name = selection!.rowName(row.original);
          return (
            <TableCell key={cell.id} className="w-10 pe-0">
              <Checkbox
                aria-label={labels.selectRow ? labels.selectRow(name) : name}
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
          <TableHead
            key={cell.id}
            scope="row"
            className={cn('h-auto py-2.5 font-medium whitespace-normal text-foreground', classes)}
          >
            {column.cell(row.original)}
          </TableHead>
        ) : (
          <TableCell key={cell.id} className={classes}>
            {column.cell(row.original)}
          </TableCell>
        );
      })}
    </TableRow>
  );
}
