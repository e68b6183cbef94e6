export { DataTable } from './data-table';
export type {
  DataTableColumn,
  DataTableLabels,
  DataTablePagination,
  DataTableProps,
  DataTableSelection,
  DataTableSort,
  SortDirection,
} from './types';
