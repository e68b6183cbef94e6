import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type DataTableColumn, type DataTableLabels, type DataTableProps } from '.';

interface Fruit {
  id: string;
  name: string;
  colour: string;
  stock: number;
}

const fruits: Fruit[] = [
  { id: 'f1', name: 'Apple', colour: 'red', stock: 3 },
  { id: 'f2', name: 'Banana', colour: 'yellow', stock: 12 },
];

const columns: DataTableColumn<Fruit>[] = [
  { id: 'name', header: 'Name', cell: (fruit) => fruit.name, sortable: true, rowHeader: true },
  { id: 'colour', header: 'Colour', cell: (fruit) => fruit.colour, hideable: true },
  { id: 'stock', header: 'Stock', cell: (fruit) => String(fruit.stock), sortable: true, sortDescFirst: true, align: 'end', hideable: true },
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
  selectAll: 'Select all rows on this page',
  selectRow: (name) => `Select ${name}`,
};

const noop = () => {};

function render(props: Partial<DataTableProps<Fruit>> = {}) {
  return renderToStaticMarkup(<DataTable columns={columns} rows={fruits} getRowId={(fruit) => fruit.id} labels={labels} caption="Fruit" {...props} />);
}

/** The attributes of each `<tag …>` in the HTML. */
function tags(html: string, tag: string) {
  return [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>`, 'g'))].map((match) =>
    Object.fromEntries([...(match[1] ?? '').matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!.toLowerCase(), value ?? ''])),
  );
}

/** The text of each `<tag>` element. */
function texts(html: string, tag: string) {
  return [...html.matchAll(new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'g'))].map((match) => match[0].replace(/<[^>]+>/g, ''));
}

describe('DataTable', () => {
  it('renders the rows it is given, in order, with row headers and a caption', () => {
    const html = render();
    expect(texts(html, 'caption')).toEqual(['Fruit']);
    expect(tags(html, 'th').filter((th) => th.scope === 'row')).toHaveLength(2);
    expect(texts(html, 'tr').slice(1)).toEqual(['Applered3', 'Bananayellow12']);
  });

  it('marks the sorted column with aria-sort, and links each sortable header to its next sort', () => {
    const sortHref = (sort: { columnId: string; direction: string } | null) => (sort ? `?sort=${sort.direction === 'desc' ? '-' : ''}${sort.columnId}` : '?');
    const html = render({ sort: { columnId: 'name', direction: 'asc' }, onSortChange: noop, sortHref });
    const headers = tags(html, 'th').filter((th) => th.scope === 'col');
    expect(headers.map((th) => th['aria-sort'])).toEqual(['ascending', undefined, undefined]);
    // name: ascending → descending; stock sorts descending first; colour is not sortable.
    expect(tags(html, 'a').map((a) => a.href)).toEqual(['?sort=-name', '?sort=-stock']);

    const descending = render({ sort: { columnId: 'name', direction: 'desc' }, onSortChange: noop, sortHref });
    expect(tags(descending, 'th').find((th) => th['aria-sort'])?.['aria-sort']).toBe('descending');
    // The third click removes the sort.
    expect(tags(descending, 'a')[0]!.href).toBe('?');
  });

  it('offers no sort control without onSortChange', () => {
    const html = render({ sort: { columnId: 'name', direction: 'asc' } });
    expect(tags(html, 'a')).toEqual([]);
    expect(tags(html, 'button').filter((button) => !('aria-haspopup' in button))).toEqual([]);
  });

  it('leaves hidden columns out and lists the hideable ones in a Columns menu', () => {
    const html = render({ columnVisibility: { colour: false } });
    expect(texts(html, 'th')).toEqual(['Name', 'Stock', 'Apple', 'Banana']);
    expect(texts(html, 'button')).toContain('Columns');
    expect(render({ columns: columns.map((column) => ({ ...column, hideable: false })) })).not.toContain('Columns');
  });

  it('adds named checkboxes for selection, checked for the selected rows, mixed in the header', () => {
    const html = render({ selection: { selected: { f2: true }, onSelectedChange: noop, rowName: (fruit) => fruit.name } });
    const boxes = tags(html, 'button').filter((button) => button.role === 'checkbox');
    expect(boxes.map((box) => [box['aria-label'], box['aria-checked']])).toEqual([
      ['Select all rows on this page', 'mixed'],
      ['Select Apple', 'false'],
      ['Select Banana', 'true'],
    ]);
    expect(tags(html, 'tr').map((tr) => tr['data-state'])).toEqual([undefined, undefined, 'selected']);
    const all = render({ selection: { selected: { f1: true, f2: true }, onSelectedChange: noop, rowName: (fruit) => fruit.name } });
    expect(tags(all, 'button').find((button) => button.role === 'checkbox')!['aria-checked']).toBe('true');
  });

  it('shows skeleton rows while loading, busy and announced', () => {
    const html = render({ loading: true, loadingRowCount: 3 });
    expect(tags(html, 'table')[0]!['aria-busy']).toBe('true');
    expect(texts(html, 'tr')).toHaveLength(4);
    expect(html).not.toContain('Banana');
    expect(texts(html, 'p').find((text) => text === 'Loading…')).toBeDefined();
  });

  it('shows the empty state across every column when there are no rows', () => {
    const html = render({ rows: [], emptyState: <p>No fruit</p>, selection: { selected: {}, onSelectedChange: noop, rowName: (fruit) => fruit.name } });
    expect(tags(html, 'td')).toEqual([expect.objectContaining({ colspan: '4' })]);
    expect(html).toContain('No fruit');
  });

  it('paginates in a named landmark with links to the neighbouring pages and a page-size select', () => {
    const html = render({
      pagination: { page: 2, pageCount: 3, pageSize: 25, total: 60, pageSizeOptions: [10, 25, 50], onPageChange: noop, onPageSizeChange: noop, pageHref: (page) => `?page=${page}` },
    });
    expect(tags(html, 'nav')[0]!['aria-label']).toBe('Pages of fruit');
    expect(tags(html, 'a').map((a) => [a.href, a.rel])).toEqual([
      ['?page=1', 'prev'],
      ['?page=3', 'next'],
    ]);
    expect(html).toContain('26–50 of 60');
    expect(html).toContain('Page 2 of 3');
    expect(tags(html, 'option').map((option) => option.value)).toEqual(['10', '25', '50']);

    const last = render({ pagination: { page: 3, pageCount: 3, pageSize: 25, total: 60, onPageChange: noop, pageHref: (page) => `?page=${page}` } });
    expect(tags(last, 'a').map((a) => a.rel)).toEqual(['prev']);
    expect(tags(last, 'button').filter((button) => 'disabled' in button)).toHaveLength(1);
    expect(last).toContain('51–60 of 60');
  });
});
