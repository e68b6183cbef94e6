import { ChevronLeft, ChevronRight, Pencil } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Locale } from '@/platform/config/app-config';
import { JsonLd } from '@/platform/seo/json-ld';
import { localizedUrl } from '@/platform/seo/localized-path';
import {
  Breadcrumb,
  BreadcrumbItem,
  BreadcrumbLink,
  BreadcrumbList,
  BreadcrumbPage,
  BreadcrumbSeparator,
} from '@/ui/breadcrumb';
import { Prose } from '@/ui/prose';
import { docPath } from '../content/doc-paths';
import { docsHref, localizeGuideLinks } from '../paths';
import { docsNavigation, findGuide } from '../server';
import { DocsSidebar } from './docs-sidebar';

/**
 * One docs page (/docs/<slug>): the sidebar, breadcrumbs, the guide (or its English text with a note when
 * it is not translated yet), "edit this page", previous/next and the table of contents. Rendered at build.
 */
export async function DocsPage({ locale, slug }: { locale: Locale; slug: string }) {
  const found = findGuide(locale, slug)!;
  const { guide } = found;
  const t = await getTranslations({ locale, namespace: 'docs' });
  const trail = [
    { name: t('home'), slug: '' },
    ...(slug && found.section ? [{ name: found.section, slug: null }] : []),
    ...(slug ? [{ name: guide.title, slug }] : []),
  ];
  return (
    <div className="mx-auto grid w-full max-w-7xl gap-10 px-4 py-8 lg:grid-cols-[15rem_minmax(0,1fr)] xl:grid-cols-[15rem_minmax(0,1fr)_13rem]">
      <aside className="hidden lg:block">
        <div className="sticky top-20 max-h-[calc(100dvh-6rem)] overflow-y-auto pr-2 pb-8">
          <DocsSidebar
            locale={locale}
            sections={docsNavigation(locale)}
            current={slug}
            label={t('sidebar')}
            homeLabel={t('home')}
          />
        </div>
      </aside>
      <main id="main" className="min-w-0">
        <JsonLd
          data={{
            '@context': 'https://schema.org',
            '@type': 'BreadcrumbList',
            itemListElement: trail
              .filter((crumb) => crumb.slug !== null)
              .map((crumb, at) => ({
                '@type': 'ListItem',
                position: at + 1,
                name: crumb.name,
                item: localizedUrl(locale, docPath(crumb.slug!)),
              })),
          }}
        />
        <div className="mb-6">
          <Breadcrumb aria-label={t('breadcrumb')}>
            <BreadcrumbList>
              {trail.map((crumb, at) => (
                <BreadcrumbItems key={at} last={at === trail.length - 1}>
                  {at === trail.length - 1 ? (
                    <BreadcrumbPage>{crumb.name}</BreadcrumbPage>
                  ) : crumb.slug !== null ? (
                    <BreadcrumbLink asChild>
                      <Link href={docsHref(locale, crumb.slug)}>{crumb.name}</Link>
                    </BreadcrumbLink>
                  ) : (
                    <span>{crumb.name}</span>
                  )}
                </BreadcrumbItems>
              ))}
            </BreadcrumbList>
          </Breadcrumb>
        </div>
        {found.translated ? null : (
          <p role="note" className="mb-6 rounded-md border bg-muted px-3 py-2 text-sm" data-testid="not-translated">
            {t('notTranslated')}
          </p>
        )}
        <article lang={guide.locale}>
          <h1 className="mb-6 text-3xl font-semibold tracking-tight sm:text-4xl">{guide.title}</h1>
          <Prose html={localizeGuideLinks(guide.html, locale)} />
        </article>
        <p className="mt-10 text-sm">
          <a
            href={found.editUrl}
            className="inline-flex items-center gap-1.5 text-link underline-offset-4 hover:underline"
            rel="noopener"
          >
            <Pencil aria-hidden="true" className="size-4" />
            {t('editPage')}
          </a>
        </p>
        <nav aria-label={t('pagination')} className="mt-8 grid gap-3 border-t pt-6 sm:grid-cols-2">
          {found.previous ? (
            <Link
              href={docsHref(locale, found.previous.slug)}
              rel="prev"
              className="group rounded-lg border p-4 transition-colors hover:bg-accent"
            >
              <span className="flex items-center gap-1 text-xs text-muted-foreground">
                <ChevronLeft aria-hidden="true" className="size-3.5" />
                {t('previous')}
              </span>
              <span className="mt-1 block font-medium">{found.previous.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {found.next ? (
            <Link
              href={docsHref(locale, found.next.slug)}
              rel="next"
              className="group rounded-lg border p-4 text-right transition-colors hover:bg-accent"
            >
              <span className="flex items-center justify-end gap-1 text-xs text-muted-foreground">
                {t('next')}
                <ChevronRight aria-hidden="true" className="size-3.5" />
              </span>
              <span className="mt-1 block font-medium">{found.next.title}</span>
            </Link>
          ) : null}
        </nav>
        <p className="mt-6 lg:hidden">
          <Link href={docsHref(locale, '')} className="text-sm text-link underline-offset-4 hover:underline">
            {t('menu')}
          </Link>
        </p>
      </main>
      {guide.headings.length > 0 ? (
        <aside className="hidden xl:block">
          <nav
            aria-labelledby="on-this-page"
            className="sticky top-20 max-h-[calc(100dvh-6rem)] overflow-y-auto text-sm"
          >
            <h2 id="on-this-page" className="mb-2 font-medium">
              {t('onThisPage')}
            </h2>
            <ul className="space-y-1">
              {guide.headings.map((heading) => (
                <li key={heading.id} className={heading.depth === 3 ? 'pl-3' : undefined}>
                  <a
                    href={`#${heading.id}`}
                    className="block py-0.5 text-muted-foreground transition-colors hover:text-foreground"
                  >
                    {heading.text}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </aside>
      ) : null}
    </div>
  );
}

function BreadcrumbItems({ last, children }: { last: boolean; children: ReactNode }) {
  return (
    <>
      <BreadcrumbItem>{children}</BreadcrumbItem>
      {last ? null : <BreadcrumbSeparator />}
    </>
  );
}
