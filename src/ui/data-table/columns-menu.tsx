'use client';

import type { RowData } from '@tanstack/react-table';
import { Columns3 } from 'lucide-react';
import { Button } from '../button';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../dropdown-menu';
import type { DataTableColumn, DataTableLabels } from './types';
import type { DataTableInstance } from './use-data-table';

/** The "Columns" menu: a checkbox per hideable column (the table shows it when there is one). */
export function ColumnsMenu<TRow extends RowData>({
  table,
  byId,
  labels,
}: {
  table: DataTableInstance<TRow>;
  byId: ReadonlyMap<string, DataTableColumn<TRow>>;
  labels: DataTableLabels;
}) {
  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="md" className="max-2xl:px-3" title={labels.columns}>
          <Columns3 aria-hidden="true" />
          {/* An icon until the window is very wide, so a toolbar beside it keeps to one row (a 1280 px window
              with the sidebar open has 976 px for both); still named for assistive technology, and its title
              names it on hover. */}
          <span className="max-2xl:sr-only">{labels.columns}</span>
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
  );
}
