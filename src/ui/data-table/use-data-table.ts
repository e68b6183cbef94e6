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
  type Header,
  type PaginationState,
  type ReactTable,
  type Row,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { DataTableColumn, DataTableProps } from './types';

const features = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  rowSelectionFeature,
});

type DataTableFeatures = typeof features;
/** The TanStack table the pieces (header, body, columns menu) read and drive. */
export type DataTableInstance<TRow extends RowData> = ReactTable<DataTableFeatures, TRow>;
export type DataTableHeaderCell<TRow extends RowData> = Header<DataTableFeatures, TRow>;
export type DataTableRow<TRow extends RowData> = Row<DataTableFeatures, TRow>;

/** The id of the checkbox column added for `selection`. */
export const SELECT_COLUMN = '__select';
export const alignClasses = { start: 'text-start', center: 'text-center', end: 'text-end' } as const;
const noSelection: Readonly<Record<string, boolean>> = {};

/** TanStack's selection state keeps only selected ids (`true`). */
function selectionState(selected: Readonly<Record<string, boolean>>): RowSelectionState {
  return Object.fromEntries(Object.entries(selected).filter(([, value]) => value)) as RowSelectionState;
}

/**
 * The table's state comes from the props (sort, page, selection; column
 * visibility too when the caller controls it), and what TanStack would change
 * goes back out through the props' callbacks.
 */
export function useDataTable<TRow extends RowData>({
  columns,
  rows,
  getRowId,
  sort,
  onSortChange,
  columnVisibility: controlledVisibility,
  onColumnVisibilityChange,
  selection,
  pagination,
}: DataTableProps<TRow>) {
  const [ownVisibility, setOwnVisibility] = useState<Record<string, boolean>>({});
  const columnVisibility = (controlledVisibility ?? ownVisibility) as ColumnVisibilityState;
  const selected = selection?.selected ?? noSelection;
  const selectable = Boolean(selection);

  const byId = useMemo(
    () => new Map<string, DataTableColumn<TRow>>(columns.map((column) => [column.id, column])),
    [columns],
  );
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
  const paginationState: PaginationState = {
    pageIndex: Math.max((pagination?.page ?? 1) - 1, 0),
    pageSize: pagination?.pageSize ?? Math.max(rows.length, 1),
  };

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

  return { table, byId };
}
