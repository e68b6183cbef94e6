import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PostCard } from '@/features/blog/components/post-card';
import { TagList } from '@/features/blog/components/tag-list';
import { blogPosts, blogTags, withBlogFeed } from '@/features/blog/server';
import { appConfig } from '@/platform/config/app-config';
import { publicMetadata } from '@/platform/seo/metadata';
import { localizedPath } from '@/platform/seo/localized-path';
import { publicPageLocale } from '@/platform/i18n/public-page';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await publicPageLocale(params);
  const t = await getTranslations({ locale, namespace: 'blog.index' });
  return withBlogFeed(
    publicMetadata({
      locale,
      path: '/blog',
      title: t('title'),
      description: t('description', { siteName: appConfig.site.name }),
    }),
    locale,
  );
}

/** /blog: every post readable in the visitor's language, newest first. */
export default async function BlogIndexPage({ params }: Props) {
  const locale = await publicPageLocale(params);
  const t = await getTranslations({ locale, namespace: 'blog' });
  const posts = blogPosts(locale);
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-4xl font-bold tracking-tight">{t('index.title')}</h1>
        <p className="max-w-2xl text-lg text-muted-foreground">
          {t('index.description', { siteName: appConfig.site.name })}
        </p>
        <p>
          <Link href={localizedPath(locale, '/blog/feed.xml')} className="text-sm underline underline-offset-4">
            {t('feed.subscribe')}
          </Link>
        </p>
      </header>
      <TagList locale={locale} tags={blogTags(locale).map(({ tag }) => tag)} label={t('index.allTags')} />
      {posts.length === 0 ? (
        <p className="text-muted-foreground">{t('index.empty')}</p>
      ) : (
        <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {posts.map((entry) => (
            <PostCard key={entry.post.slug} locale={locale} entry={entry} />
          ))}
        </div>
      )}
    </div>
  );
}
