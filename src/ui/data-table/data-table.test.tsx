import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DataTable, type DataTableColumn, type DataTableLabels, type DataTableProps, type DataTableSort } from '.';

interface Fruit {
  id: string;
  name: string;
  colour: string;
  stock: number;
}

const fruits: Fruit[] = [
  { id: 'f1', name: 'Apple', colour: 'red', stock: 3 },
  { id: 'f2', name: 'Banana', colour: 'yellow', stock: 12 },
  { id: 'f3', name: 'Cherry', colour: 'red', stock: 40 },
];

const columns: DataTableColumn<Fruit>[] = [
  { id: 'name', header: 'Name', cell: (fruit) => fruit.name, sortable: true, rowHeader: true },
  { id: 'colour', header: 'Colour', cell: (fruit) => fruit.colour, hideable: true },
  {
    id: 'stock',
    header: 'Stock',
    cell: (fruit) => String(fruit.stock),
    sortable: true,
    sortDescFirst: true,
    align: 'end',
    hideable: true,
  },
];

const labels: DataTableLabels = {
  loading: 'Loading…',
  pagination: 'Pages of fruit',
  previousPage: 'Previous',
  nextPage: 'Next',
  pageSize: 'Rows per page',
  pageOf: (page, count) => `Page ${page} of ${count}`,
  range: (first, last, total) => `${first}–${last} of ${total}`,
  columns: 'Columns',
  columnsMenu: 'Show columns',
  selectAll: 'Select all rows on this page',
  selectRow: (name) => `Select ${name}`,
};

const noop = () => {};
const rowName = (fruit: Fruit) => fruit.name;

function renderTable(props: Partial<DataTableProps<Fruit>> = {}) {
  return render(
    <DataTable
      columns={columns}
      rows={fruits}
      getRowId={(fruit) => fruit.id}
      labels={labels}
      caption="Fruit"
      {...props}
    />,
  );
}

/** The text of each body row's cells, e.g. ["Apple", "red", "3"]. */
function bodyRows() {
  const [, ...rows] = screen.getAllByRole('row');
  return rows.map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent));
}

const columnHeaders = () => screen.getAllByRole('columnheader').map((header) => header.textContent);

/** A caller that keeps the sort and the selection in state, as a list page does. */
function StatefulFruitTable({ onSort }: { onSort?: (sort: DataTableSort | null) => void }) {
  const [sort, setSort] = useState<DataTableSort | null>(null);
  const [selected, setSelected] = useState<Record<string, boolean>>({});
  const sorted = sort
    ? [...fruits].sort((a, b) => {
        const order = sort.columnId === 'stock' ? a.stock - b.stock : a.name.localeCompare(b.name);
        return sort.direction === 'asc' ? order : -order;
      })
    : fruits;
  return (
    <>
      <DataTable
        columns={columns}
        rows={sorted}
        getRowId={(fruit) => fruit.id}
        labels={labels}
        caption="Fruit"
        sort={sort}
        onSortChange={(next) => {
          setSort(next);
          onSort?.(next);
        }}
        selection={{ selected, onSelectedChange: setSelected, rowName }}
      />
      <output aria-label="selected ids">
        {Object.keys(selected)
          .filter((id) => selected[id])
          .join(',')}
      </output>
    </>
  );
}

describe('DataTable', () => {
  it('renders the rows it is given, in order, with row headers and a caption', () => {
    renderTable();
    expect(screen.getByRole('table', { name: 'Fruit' })).toBeDefined();
    expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Apple', 'Banana', 'Cherry']);
    expect(bodyRows()).toEqual([
      ['Apple', 'red', '3'],
      ['Banana', 'yellow', '12'],
      ['Cherry', 'red', '40'],
    ]);
  });

  it('sorts on a click: first direction, then the other, then none, with aria-sort following', async () => {
    const user = userEvent.setup();
    const onSort = vi.fn();
    render(<StatefulFruitTable onSort={onSort} />);
    const name = () => screen.getByRole('columnheader', { name: /Name/ });

    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(onSort).toHaveBeenLastCalledWith({ columnId: 'name', direction: 'asc' });
    expect(name().getAttribute('aria-sort')).toBe('ascending');

    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(name().getAttribute('aria-sort')).toBe('descending');
    expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Cherry', 'Banana', 'Apple']);

    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(onSort).toHaveBeenLastCalledWith(null);
    expect(name().getAttribute('aria-sort')).toBeNull();

    // Stock sorts descending first (largest stock on top).
    await user.click(screen.getByRole('button', { name: 'Stock' }));
    expect(onSort).toHaveBeenLastCalledWith({ columnId: 'stock', direction: 'desc' });
    expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Cherry', 'Banana', 'Apple']);
  });

  it('links each sortable header to its next sort, and a plain click is handled in the page', async () => {
    const user = userEvent.setup();
    const onSortChange = vi.fn();
    const sortHref = (sort: DataTableSort | null) =>
      sort ? `?sort=${sort.direction === 'desc' ? '-' : ''}${sort.columnId}` : '?';
    renderTable({ sort: { columnId: 'name', direction: 'asc' }, onSortChange, sortHref });
    // name: ascending → descending; stock sorts descending first; colour is not sortable.
    expect(screen.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      '?sort=-name',
      '?sort=-stock',
    ]);
    await user.click(screen.getByRole('link', { name: 'Name' }));
    expect(onSortChange).toHaveBeenCalledWith({ columnId: 'name', direction: 'desc' });
    expect(window.location.search).toBe('');
  });

  it('offers no sort control without onSortChange', () => {
    renderTable({ sort: { columnId: 'name', direction: 'asc' } });
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Name' })).toBeNull();
    expect(columnHeaders()).toEqual(['Name', 'Colour', 'Stock']);
  });

  it('hides and shows columns from the Columns menu, which stays open between choices', async () => {
    const user = userEvent.setup();
    const onColumnVisibilityChange = vi.fn();
    renderTable({ onColumnVisibilityChange });
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    const menu = screen.getByRole('menu', { name: 'Columns' });
    expect(
      within(menu)
        .getAllByRole('menuitemcheckbox')
        .map((item) => item.textContent),
    ).toEqual(['Colour', 'Stock']);

    await user.click(within(menu).getByRole('menuitemcheckbox', { name: 'Colour' }));
    expect(onColumnVisibilityChange).toHaveBeenLastCalledWith({ colour: false });
    expect(columnHeaders()).toEqual(['Name', 'Stock']);
    expect(bodyRows()[0]).toEqual(['Apple', '3']);

    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Colour' }));
    expect(columnHeaders()).toEqual(['Name', 'Colour', 'Stock']);
  });

  it('leaves out the Columns menu when no column may be hidden', () => {
    renderTable({ columns: columns.map((column) => ({ ...column, hideable: false })) });
    expect(screen.queryByRole('button', { name: 'Columns' })).toBeNull();
  });

  it('selects rows one by one, all of the page, and a range with Shift', async () => {
    const user = userEvent.setup();
    render(<StatefulFruitTable />);
    const selectedIds = () => screen.getByRole('status', { name: 'selected ids' }).textContent;
    const all = () => screen.getByRole('checkbox', { name: 'Select all rows on this page' });

    await user.click(screen.getByRole('checkbox', { name: 'Select Banana' }));
    expect(selectedIds()).toBe('f2');
    expect(screen.getByRole('checkbox', { name: 'Select Banana' }).getAttribute('aria-checked')).toBe('true');
    expect(all().getAttribute('aria-checked')).toBe('mixed');
    expect(screen.getByRole('row', { name: /Banana/ }).dataset.state).toBe('selected');

    await user.click(all());
    expect(selectedIds()).toBe('f2,f1,f3');
    expect(all().getAttribute('aria-checked')).toBe('true');
    await user.click(all());
    expect(selectedIds()).toBe('');

    await user.click(screen.getByRole('checkbox', { name: 'Select Apple' }));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select Cherry' }));
    await user.keyboard('{/Shift}');
    expect(selectedIds()?.split(',').sort()).toEqual(['f1', 'f2', 'f3']);
  });

  it('shows skeleton rows while loading, busy and announced', () => {
    renderTable({ loading: true, loadingRowCount: 3 });
    expect(screen.getByRole('table').getAttribute('aria-busy')).toBe('true');
    expect(screen.getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByText('Banana')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Loading…');
  });

  it('shows the empty state across every column when there are no rows', () => {
    renderTable({
      rows: [],
      emptyState: <p>No fruit</p>,
      selection: { selected: {}, onSelectedChange: noop, rowName },
    });
    const cell = screen.getByRole('cell');
    expect(cell.getAttribute('colspan')).toBe('4');
    expect(within(cell).getByText('No fruit')).toBeDefined();
    expect((screen.getByRole('checkbox', { name: 'Select all rows on this page' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('paginates in a named landmark: links to the neighbouring pages, a page-size select', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    const onPageSizeChange = vi.fn();
    const pagination = {
      page: 2,
      pageCount: 3,
      pageSize: 25,
      total: 60,
      pageSizeOptions: [10, 25, 50],
      onPageChange,
      onPageSizeChange,
    };
    const { rerender } = renderTable({ pagination: { ...pagination, pageHref: (page) => `?page=${page}` } });
    const nav = screen.getByRole('navigation', { name: 'Pages of fruit' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => [link.getAttribute('href'), link.getAttribute('rel')]),
    ).toEqual([
      ['?page=1', 'prev'],
      ['?page=3', 'next'],
    ]);
    expect(nav.textContent).toContain('26–50 of 60');
    expect(nav.textContent).toContain('Page 2 of 3');

    await user.click(within(nav).getByRole('link', { name: 'Next' }));
    expect(onPageChange).toHaveBeenLastCalledWith(3);
    await user.selectOptions(within(nav).getByLabelText('Rows per page'), '50');
    expect(onPageSizeChange).toHaveBeenLastCalledWith(50);

    rerender(
      <DataTable
        columns={columns}
        rows={fruits}
        getRowId={(fruit) => fruit.id}
        labels={labels}
        pagination={{ ...pagination, page: 3 }}
      />,
    );
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(onPageChange).toHaveBeenLastCalledWith(2);
    expect(screen.getByRole('navigation').textContent).toContain('51–60 of 60');
  });
});
