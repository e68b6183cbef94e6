'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { DataTableLabels } from '@/ui/data-table';

/**
 * DataTable's texts in the visitor's language (`common.dataTable`); pass
 * `overrides` for the ones a list names itself, such as its pagination
 * landmark ("Pages of tasks").
 */
export function useDataTableLabels(overrides: Partial<DataTableLabels> = {}): DataTableLabels {
  const t = useTranslations('common.dataTable');
  const base = useMemo<DataTableLabels>(
    () => ({
      loading: t('loading'),
      pagination: t('pagination'),
      previousPage: t('previousPage'),
      nextPage: t('nextPage'),
      pageSize: t('pageSize'),
      pageOf: (page, count) => t('pageOf', { page, count }),
      range: (first, last, total) => t('range', { first, last, total }),
      columns: t('columns'),
      columnsMenu: t('columnsMenu'),
      selectAll: t('selectAll'),
      selectRow: (name) => t('selectRow', { name }),
    }),
    [t],
  );
  return { ...base, ...overrides };
}
