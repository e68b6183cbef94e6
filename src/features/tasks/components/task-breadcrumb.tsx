import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Fragment } from 'react';
import {
  Breadcrumb,
  BreadcrumbItem,
  BreadcrumbLink,
  BreadcrumbList,
  BreadcrumbPage,
  BreadcrumbSeparator,
} from '@/ui/breadcrumb';
import { tasksPath } from '../paths';

/** "Tasks › …" above a task page: the list first, then `trail` (links, the last one the current page). */
export function TaskBreadcrumb({ slug, trail }: { slug: string; trail: { label: string; href?: string }[] }) {
  const t = useTranslations('tasks.detail');
  return (
    <Breadcrumb aria-label={t('breadcrumb')}>
      <BreadcrumbList>
        <BreadcrumbItem>
          <BreadcrumbLink asChild>
            <Link href={tasksPath(slug)}>{t('tasks')}</Link>
          </BreadcrumbLink>
        </BreadcrumbItem>
        {trail.map((item, index) => (
          <Fragment key={`${index}-${item.label}`}>
            <BreadcrumbSeparator />
            <BreadcrumbItem className="min-w-0">
              {item.href && index < trail.length - 1 ? (
                <BreadcrumbLink asChild className="max-w-[16rem] truncate sm:max-w-sm">
                  <Link href={item.href}>{item.label}</Link>
                </BreadcrumbLink>
              ) : (
                <BreadcrumbPage className="max-w-[16rem] truncate sm:max-w-sm">{item.label}</BreadcrumbPage>
              )}
            </BreadcrumbItem>
          </Fragment>
        ))}
      </BreadcrumbList>
    </Breadcrumb>
  );
}
