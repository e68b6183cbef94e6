import type { ReactNode } from 'react';
import type { RowData } from '@tanstack/react-table';

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
  /**
   * The address of a page: previous/next become links that work before JavaScript loads (a click still calls
   * `onPageChange`).
   */
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
  /**
   * The address of a sort: headers become links that work before JavaScript loads (a click still calls `onSortChange`).
   */
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
