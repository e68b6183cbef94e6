import Link from 'next/link';
import { Fragment } from 'react';
import type { Locale } from '@/platform/config/app-config';
import { JsonLd } from '@/platform/seo/json-ld';
import { localizedPath } from '@/platform/seo/localized-path';
import {
  Breadcrumb,
  BreadcrumbItem,
  BreadcrumbLink,
  BreadcrumbList,
  BreadcrumbPage,
  BreadcrumbSeparator,
} from '@/ui/breadcrumb';
import { breadcrumbJsonLd, type Crumb } from '../structured-data';

/** The trail above a page, and the same trail as BreadcrumbList structured data. The last crumb is the page. */
export function BlogBreadcrumbs({ locale, trail, label }: { locale: Locale; trail: readonly Crumb[]; label: string }) {
  return (
    <>
      <Breadcrumb aria-label={label}>
        <BreadcrumbList>
          {trail.map((crumb, index) => (
            <Fragment key={crumb.path}>
              {index > 0 ? <BreadcrumbSeparator /> : null}
              <BreadcrumbItem>
                {index === trail.length - 1 ? (
                  <BreadcrumbPage>{crumb.name}</BreadcrumbPage>
                ) : (
                  <BreadcrumbLink asChild>
                    <Link href={localizedPath(locale, crumb.path)}>{crumb.name}</Link>
                  </BreadcrumbLink>
                )}
              </BreadcrumbItem>
            </Fragment>
          ))}
        </BreadcrumbList>
      </Breadcrumb>
      <JsonLd data={breadcrumbJsonLd(locale, trail)} />
    </>
  );
}
