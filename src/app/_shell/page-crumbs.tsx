import Link from 'next/link';
import { Fragment } from 'react';
import { BreadcrumbItem, BreadcrumbLink, BreadcrumbPage, BreadcrumbSeparator } from '@/ui/breadcrumb';

export interface PageCrumb {
  label: string;
  /** A link to that page; the last crumb, the page itself, has none. */
  href?: string;
}

/**
 * The crumbs a page adds after the shell's "Organization › Section" in the top
 * bar (src/app/(dynamic)/(app)/@breadcrumb, docs/navigation/breadcrumbs.md). Long labels
 * are cut with an ellipsis; the full text stays in the title attribute.
 */
export function PageCrumbs({ items }: { items: PageCrumb[] }) {
  return items.map((item, index) => (
    <Fragment key={`${index}-${item.label}`}>
      <BreadcrumbSeparator className={index < items.length - 1 ? 'max-sm:hidden' : undefined} />
      <BreadcrumbItem className={index < items.length - 1 ? 'min-w-0 max-sm:hidden' : 'min-w-0'}>
        {item.href && index < items.length - 1 ? (
          <BreadcrumbLink asChild className="max-w-[14rem] truncate">
            <Link href={item.href} title={item.label}>
              {item.label}
            </Link>
          </BreadcrumbLink>
        ) : (
          <BreadcrumbPage className="max-w-[14rem] truncate sm:max-w-xs" title={item.label}>
            {item.label}
          </BreadcrumbPage>
        )}
      </BreadcrumbItem>
    </Fragment>
  ));
}
