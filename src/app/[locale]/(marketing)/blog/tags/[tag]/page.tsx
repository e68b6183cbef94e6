import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BlogBreadcrumbs } from '@/features/blog/components/blog-breadcrumbs';
import { PostCard } from '@/features/blog/components/post-card';
import { blogPostsTagged, blogTags, withBlogFeed } from '@/features/blog/server';
import { appConfig } from '@/platform/config/app-config';
import { isLocale } from '@/platform/i18n/locale';
import { publicMetadata } from '@/platform/seo/metadata';

type Props = { params: Promise<{ locale: string; tag: string }> };

export const dynamicParams = false;

export function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!isLocale(params.locale)) return [];
  return blogTags(params.locale).map(({ tag }) => ({ tag }));
}

async function load(params: Props['params']) {
  const { locale, tag } = await params;
  if (!isLocale(locale)) notFound();
  const posts = blogPostsTagged(locale, tag);
  if (posts.length === 0) notFound();
  return { locale, tag, posts };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, tag, posts } = await load(params);
  const t = await getTranslations({ locale, namespace: 'blog.tag' });
  return withBlogFeed(
    publicMetadata({
      locale,
      path: `/blog/tags/${tag}`,
      title: t('title', { tag }),
      description: t('description', { tag, count: posts.length, siteName: appConfig.site.name }),
    }),
    locale,
  );
}

/** /blog/tags/<tag>: the posts carrying one tag. */
export default async function BlogTagPage({ params }: Props) {
  const { locale, tag, posts } = await load(params);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'blog' });
  return (
    <div className="space-y-8">
      <BlogBreadcrumbs
        locale={locale}
        label={t('breadcrumbs.label')}
        trail={[
          { name: t('breadcrumbs.home'), path: '/' },
          { name: t('breadcrumbs.blog'), path: '/blog' },
          { name: `#${tag}`, path: `/blog/tags/${tag}` },
        ]}
      />
      <header className="space-y-3">
        <h1 className="text-4xl font-bold tracking-tight">{t('tag.title', { tag })}</h1>
        <p className="text-muted-foreground">
          {t('tag.description', { tag, count: posts.length, siteName: appConfig.site.name })}
        </p>
      </header>
      <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {posts.map((entry) => (
          <PostCard key={entry.post.slug} locale={locale} entry={entry} />
        ))}
      </div>
    </div>
  );
}
