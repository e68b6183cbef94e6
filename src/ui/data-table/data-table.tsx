'use client';

import type { RowData } from '@tanstack/react-table';
import { cn } from '../cn';
import { Table, TableCaption } from '../table';
import { DataTableBody } from './body';
import { ColumnsMenu } from './columns-menu';
import { DataTableHeader } from './header';
import { DataTablePaginationBar } from './pagination';
import type { DataTableProps } from './types';
import { useDataTable } from './use-data-table';

/*
 * A presentational data table on TanStack Table v9. It renders the page of
 * rows it is given and reports what the user asked for — another sort, page
 * or page size, hidden columns, selected rows — through callbacks. Sorting
 * and paging are "manual": the caller fetches the rows (usually from the
 * URL, see src/platform/data/use-table-url-state.ts); the table never
 * reorders or slices them. Every text comes from the caller.
 *
 * The pieces: use-data-table.ts (props ⇄ TanStack state), header.tsx (sort
 * buttons, select-all), body.tsx (rows, skeleton, empty state),
 * columns-menu.tsx and pagination.tsx.
 */
export function DataTable<TRow extends RowData>(props: DataTableProps<TRow>) {
  const { rows, labels, caption, captionHidden = false, sortHref, selection, toolbar, loading = false } = props;
  const { loadingRowCount, emptyState, pagination, className } = props;
  const { table, byId } = useDataTable(props);
  const showColumnsMenu = Boolean(labels.columns) && table.getAllLeafColumns().some((column) => column.getCanHide());

  return (
    <div className={cn('grid min-w-0 gap-3', className)}>
      {toolbar || showColumnsMenu ? (
        // One row: the caller's controls (they may wrap inside their own box), then the Columns menu at its end.
        <div className="flex items-start justify-end gap-2">
          {toolbar ? <div className="flex min-w-0 flex-1">{toolbar}</div> : null}
          {showColumnsMenu ? <ColumnsMenu table={table} byId={byId} labels={labels} /> : null}
        </div>
      ) : null}
      <div className="min-w-0 rounded-lg border border-border">
        <Table aria-busy={loading || undefined}>
          {caption ? (
            <TableCaption className={cn('px-3 pb-3 text-start', captionHidden && 'sr-only')}>{caption}</TableCaption>
          ) : null}
          <DataTableHeader
            table={table}
            byId={byId}
            labels={labels}
            selectAllDisabled={loading || rows.length === 0}
            sortHref={sortHref}
          />
          <DataTableBody
            table={table}
            byId={byId}
            labels={labels}
            selection={selection}
            loading={loading}
            skeletonRows={loadingRowCount ?? Math.min(pagination?.pageSize ?? 5, 10)}
            emptyState={emptyState}
          />
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
