'use client';

import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { Button } from '../button';
import { Label } from '../label';
import { NativeSelect } from '../native-select';
import { handledClick } from './link-click';
import type { DataTableLabels, DataTablePagination } from './types';

/** Under the table: the page-size select, "26–50 of 60 · Page 2 of 3", and previous/next. */
export function DataTablePaginationBar({
  pagination,
  labels,
  canPrevious,
  canNext,
  onPrevious,
  onNext,
  onPageSize,
}: {
  pagination: DataTablePagination;
  labels: DataTableLabels;
  canPrevious: boolean;
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onPageSize: (size: number) => void;
}) {
  const sizeId = useId();
  const { page, pageSize, pageSizeOptions, total, onPageSizeChange, pageHref } = pagination;
  const pageCount = Math.max(pagination.pageCount, 1);
  const current = Math.min(page, pageCount);
  const options = pageSizeOptions?.includes(pageSize)
    ? pageSizeOptions
    : [...(pageSizeOptions ?? []), pageSize].sort((a, b) => a - b);
  const first = total ? (current - 1) * pageSize + 1 : 0;
  const last = total ? Math.min(current * pageSize, total) : 0;

  return (
    <nav aria-label={labels.pagination} className="flex flex-wrap items-center justify-between gap-x-6 gap-y-3">
      {onPageSizeChange ? (
        <div className="flex items-center gap-2">
          <Label htmlFor={sizeId} className="whitespace-nowrap text-muted-foreground">
            {labels.pageSize}
          </Label>
          <NativeSelect
            id={sizeId}
            value={String(pageSize)}
            onChange={(event) => onPageSize(Number(event.target.value))}
            containerClassName="w-20"
            className="h-8"
          >
            {options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </NativeSelect>
        </div>
      ) : null}
      <div className="ml-auto flex flex-wrap items-center justify-end gap-x-3 gap-y-2">
        <p aria-live="polite" className="text-sm whitespace-nowrap text-muted-foreground">
          {total !== undefined && labels.range && total > 0 ? (
            <span className="me-3">{labels.range(first, last, total)}</span>
          ) : null}
          {labels.pageOf(current, pageCount)}
        </p>
        <div className="flex items-center gap-2">
          <PageButton
            href={canPrevious && pageHref ? pageHref(current - 1) : null}
            rel="prev"
            disabled={!canPrevious}
            onClick={onPrevious}
          >
            <ChevronLeft aria-hidden="true" className="rtl:rotate-180" />
            <span className="sr-only sm:not-sr-only">{labels.previousPage}</span>
          </PageButton>
          <PageButton
            href={canNext && pageHref ? pageHref(current + 1) : null}
            rel="next"
            disabled={!canNext}
            onClick={onNext}
          >
            <span className="sr-only sm:not-sr-only">{labels.nextPage}</span>
            <ChevronRight aria-hidden="true" className="rtl:rotate-180" />
          </PageButton>
        </div>
      </div>
    </nav>
  );
}

/** A link to the page when there is an address for it, a button otherwise; disabled at either end. */
function PageButton({
  href,
  rel,
  disabled,
  onClick,
  children,
}: {
  href: string | null;
  rel: 'prev' | 'next';
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  if (href && !disabled) {
    return (
      <Button asChild variant="outline" size="sm">
        <a href={href} rel={rel} onClick={(event) => handledClick(event, onClick)}>
          {children}
        </a>
      </Button>
    );
  }
  return (
    <Button variant="outline" size="sm" onClick={onClick} disabled={disabled}>
      {children}
    </Button>
  );
}
