import { screen } from '@testing-library/react';
import { useSearchParams } from 'next/navigation';
import { describe, expect, it } from 'vitest';
import { DataTable, type DataTableColumn } from '@/ui/data-table';
import { renderInApp } from '../../../tests/support/components';
import { defineTableQuery, type TableQuery } from './table-query';
import { useDataTableLabels } from './use-data-table-labels';
import { useTableUrlState } from './use-table-url-state';

/** A list whose sort and page live in the URL, the way the tasks list does it. */
const fruitQuery = defineTableQuery({
  sorts: ['name', 'stock'],
  defaultSort: 'name',
  filters: {},
  pageSizes: [2, 4],
  pagination: ['offset'],
});
type FruitQuery = TableQuery<'name' | 'stock', Record<string, never>>;

interface Fruit {
  id: string;
  name: string;
  stock: number;
}
const fruits: Fruit[] = [
  { id: 'f1', name: 'Apple', stock: 3 },
  { id: 'f2', name: 'Banana', stock: 12 },
  { id: 'f3', name: 'Cherry', stock: 40 },
];
const columns: DataTableColumn<Fruit>[] = [
  { id: 'name', header: 'Name', cell: (fruit) => fruit.name, sortable: true, rowHeader: true },
  { id: 'stock', header: 'Stock', cell: (fruit) => String(fruit.stock), sortable: true, sortDescFirst: true },
];

function FruitTable({ serverQuery }: { serverQuery: FruitQuery }) {
  const state = useTableUrlState(fruitQuery, serverQuery);
  const { query } = state;
  const labels = useDataTableLabels({ pagination: 'Fruit pages' });
  const sorted = [...fruits].sort((a, b) => {
    const order = query.sort.column === 'stock' ? a.stock - b.stock : a.name.localeCompare(b.name);
    return query.sort.direction === 'asc' ? order : -order;
  });
  const start = (query.page - 1) * query.pageSize;
  return (
    <DataTable
      columns={columns}
      rows={sorted.slice(start, start + query.pageSize)}
      getRowId={(fruit) => fruit.id}
      labels={labels}
      caption="Fruit"
      sort={{ columnId: query.sort.column, direction: query.sort.direction }}
      onSortChange={(sort) =>
        state.setSort(sort ? { column: sort.columnId as 'name' | 'stock', direction: sort.direction } : null)
      }
      pagination={{
        page: query.page,
        pageCount: Math.ceil(fruits.length / query.pageSize),
        pageSize: query.pageSize,
        total: fruits.length,
        pageSizeOptions: fruitQuery.spec.pageSizes,
        onPageChange: state.setPage,
        onPageSizeChange: state.setPageSize,
        pageHref: (page) => state.hrefFor({ ...query, page }),
      }}
    />
  );
}

/** Stands in for the server: renders the list for the query in the URL. */
function FruitPage() {
  const searchParams = useSearchParams();
  return <FruitTable serverQuery={fruitQuery.schema.parse(Object.fromEntries(searchParams)) as FruitQuery} />;
}

const names = () => screen.getAllByRole('rowheader').map((cell) => cell.textContent);

describe('a data table with its state in the URL (useTableUrlState)', () => {
  it('puts a header click in the URL, one history entry per change, and the list follows', async () => {
    const { user, router } = renderInApp(<FruitPage />, { url: '/fruit' });
    expect(names()).toEqual(['Apple', 'Banana']);

    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(router.url).toBe('/fruit?sort=-name');
    expect(names()).toEqual(['Cherry', 'Banana']);

    await user.click(screen.getByRole('button', { name: 'Stock' }));
    expect(router.url).toBe('/fruit?sort=-stock');
    expect(router.history).toEqual(['/fruit', '/fruit?sort=-name', '/fruit?sort=-stock']);
  });

  it('pages through links that carry the sort, and a new page size starts at page 1', async () => {
    const { user, router } = renderInApp(<FruitPage />, { url: '/fruit?sort=-stock' });
    const next = screen.getByRole('link', { name: 'Next' });
    expect(next.getAttribute('href')).toBe('/fruit?sort=-stock&page=2');

    await user.click(next);
    expect(router.url).toBe('/fruit?sort=-stock&page=2');
    expect(names()).toEqual(['Apple']);

    await user.selectOptions(screen.getByLabelText('Rows per page'), '4');
    expect(router.url).toBe('/fruit?sort=-stock&pageSize=4');
    expect(names()).toEqual(['Cherry', 'Banana', 'Apple']);
  });

  it('speaks the user’s language', () => {
    renderInApp(<FruitPage />, { url: '/fruit', locale: 'es' });
    expect(screen.getByRole('navigation', { name: 'Fruit pages' }).textContent).toContain('Página 1 de 2');
  });
});
