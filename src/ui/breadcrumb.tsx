import { ChevronRight, Ellipsis } from 'lucide-react';
import { Slot as SlotPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from './cn';

export interface BreadcrumbProps extends ComponentProps<'nav'> {
  /** Name of the landmark, e.g. "Breadcrumb" (translated). */
  'aria-label': string;
}

/**
 * <Breadcrumb aria-label={t('breadcrumb')}>
 *   <BreadcrumbList>
 *     <BreadcrumbItem><BreadcrumbLink href="/projects">Projects</BreadcrumbLink></BreadcrumbItem>
 *     <BreadcrumbSeparator />
 *     <BreadcrumbItem><BreadcrumbPage>Apollo</BreadcrumbPage></BreadcrumbItem>
 *   </BreadcrumbList>
 * </Breadcrumb>
 */
export function Breadcrumb(props: BreadcrumbProps) {
  return <nav {...props} />;
}

export function BreadcrumbList({ className, ...props }: ComponentProps<'ol'>) {
  return (
    <ol
      className={cn('flex flex-wrap items-center gap-1.5 text-sm break-words text-muted-foreground', className)}
      {...props}
    />
  );
}

export function BreadcrumbItem({ className, ...props }: ComponentProps<'li'>) {
  return <li className={cn('inline-flex items-center gap-1.5', className)} {...props} />;
}

/** A link to an ancestor page; `asChild` renders the framework's Link instead of <a>. */
export function BreadcrumbLink({ className, asChild = false, ...props }: ComponentProps<'a'> & { asChild?: boolean }) {
  const Component = asChild ? SlotPrimitive.Root : 'a';
  return (
    <Component
      className={cn(
        'rounded-sm underline-offset-4 transition-colors hover:text-foreground hover:underline',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring',
        className,
      )}
      {...props}
    />
  );
}

/** The current page: not a link, marked aria-current="page". */
export function BreadcrumbPage({ className, ...props }: ComponentProps<'span'>) {
  return <span aria-current="page" className={cn('font-medium text-foreground', className)} {...props} />;
}

export function BreadcrumbSeparator({ className, children, ...props }: ComponentProps<'li'>) {
  return (
    <li role="presentation" aria-hidden="true" className={cn('[&>svg]:size-3.5', className)} {...props}>
      {children ?? <ChevronRight className="rtl:rotate-180" />}
    </li>
  );
}

/** Stands for collapsed items; `label` (e.g. "More pages") is read by screen readers. */
export function BreadcrumbEllipsis({ className, label, ...props }: ComponentProps<'span'> & { label: string }) {
  return (
    <span className={cn('flex size-6 items-center justify-center', className)} {...props}>
      <Ellipsis aria-hidden="true" className="size-4" />
      <span className="sr-only">{label}</span>
    </span>
  );
}
