import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BlogBreadcrumbs } from '@/features/blog/components/blog-breadcrumbs';
import { PostBody } from '@/features/blog/components/post-body';
import { PostMeta } from '@/features/blog/components/post-meta';
import { PostPagination } from '@/features/blog/components/post-pagination';
import { TableOfContents } from '@/features/blog/components/table-of-contents';
import { TagList } from '@/features/blog/components/tag-list';
import {
  articleJsonLd,
  blogPost,
  blogPostLanguages,
  blogPosts,
  findAuthor,
  withBlogFeed,
} from '@/features/blog/server';
import { type Locale } from '@/platform/config/app-config';
import { isLocale } from '@/platform/i18n/locale';
import { JsonLd } from '@/platform/seo/json-ld';
import { languageAlternates, localizedPath, localizedUrl } from '@/platform/seo/localized-path';
import { publicMetadata } from '@/platform/seo/metadata';
import { Alert, AlertDescription } from '@/ui/alert';
import { Badge } from '@/ui/badge';

type Props = { params: Promise<{ locale: string; slug: string }> };

export const dynamicParams = false;

/** Every post in every language, translated or not (an untranslated one shows the original with a note). */
export function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!isLocale(params.locale)) return [];
  return blogPosts(params.locale).map(({ post }) => ({ slug: post.slug }));
}

async function load(params: Props['params']) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  const entry = blogPost(locale, slug);
  if (!entry) notFound();
  return { locale, entry };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, entry } = await load(params);
  const { post, fallback } = entry;
  const path = `/blog/${post.slug}`;
  const metadata = publicMetadata({ locale, path, title: post.title, description: post.description, type: 'article' });
  // hreflang only for the languages the post is written in; an untranslated page points search engines
  // at the original as its canonical.
  const written = blogPostLanguages(post.slug);
  const languages = Object.fromEntries(
    Object.entries(languageAlternates(path)).filter(
      ([language]) => language === 'x-default' || written.includes(language as Locale),
    ),
  );
  return withBlogFeed(
    {
      ...metadata,
      alternates: { canonical: fallback ? localizedUrl(post.locale, path) : localizedUrl(locale, path), languages },
      openGraph: {
        ...metadata.openGraph,
        type: 'article',
        publishedTime: post.date,
        modifiedTime: post.updated,
        authors: post.authors.map((id) => findAuthor(id)?.name ?? id),
        tags: post.tags,
      },
    },
    locale,
  );
}

/** /blog/<slug>: the post, its table of contents, its tags and authors, and the posts either side. */
export default async function BlogPostPage({ params }: Props) {
  const { locale, entry } = await load(params);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'blog' });
  const { post, fallback } = entry;
  const list = blogPosts(locale);
  const index = list.findIndex((item) => item.post.slug === post.slug);
  return (
    <div className="space-y-8">
      <BlogBreadcrumbs
        locale={locale}
        label={t('breadcrumbs.label')}
        trail={[
          { name: t('breadcrumbs.home'), path: '/' },
          { name: t('breadcrumbs.blog'), path: '/blog' },
          { name: post.title, path: `/blog/${post.slug}` },
        ]}
      />
      <JsonLd data={articleJsonLd(locale, entry)} />
      {fallback ? (
        <Alert>
          <AlertDescription>
            <p>{t('post.fallbackNotice')}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      {post.draft ? (
        <Alert variant="warning">
          <AlertDescription>
            <p>{t('post.draftNotice')}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_16rem]">
        <article lang={fallback ? post.locale : undefined} className="min-w-0 space-y-6">
          <header className="space-y-4">
            {post.draft ? <Badge variant="warning">{t('post.draft')}</Badge> : null}
            <h1 className="text-4xl font-bold tracking-tight text-balance">{post.title}</h1>
            <p className="text-lg text-muted-foreground">{post.description}</p>
            <PostMeta locale={locale} post={post} />
            <p className="text-sm">
              <span className="text-muted-foreground">{t('post.by')} </span>
              {post.authors.map((id, i) => (
                <span key={id}>
                  {i > 0 ? ', ' : null}
                  <Link href={localizedPath(locale, `/blog/authors/${id}`)} className="underline underline-offset-4">
                    {findAuthor(id)?.name ?? id}
                  </Link>
                </span>
              ))}
            </p>
            {/* eslint-disable-next-line @next/next/no-img-element -- an SVG from public/, drawn at its own size */}
            <img
              src={post.cover.src}
              alt={post.cover.alt}
              width={1200}
              height={630}
              className="aspect-[1200/630] w-full rounded-lg border"
            />
          </header>
          <PostBody code={post.mdx} />
          <TagList locale={locale} tags={post.tags} label={t('post.tags')} />
        </article>
        <aside className="lg:sticky lg:top-20 lg:self-start">
          <TableOfContents headings={post.headings} title={t('post.toc')} />
        </aside>
      </div>
      <PostPagination locale={locale} newer={list[index - 1]} older={list[index + 1]} />
    </div>
  );
}
