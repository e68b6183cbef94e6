import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BlogBreadcrumbs } from '@/features/blog/components/blog-breadcrumbs';
import { PostCard } from '@/features/blog/components/post-card';
import { authorBio, blogAuthors, blogPostsBy, findAuthor, withBlogFeed } from '@/features/blog/server';
import { isLocale } from '@/platform/i18n/locale';
import { publicMetadata } from '@/platform/seo/metadata';

type Props = { params: Promise<{ locale: string; author: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return blogAuthors().map((author) => ({ author: author.id }));
}

async function load(params: Props['params']) {
  const { locale, author: id } = await params;
  if (!isLocale(locale)) notFound();
  const author = findAuthor(id);
  const posts = author ? blogPostsBy(locale, author.id) : [];
  if (!author || posts.length === 0) notFound();
  return { locale, author, posts };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, author } = await load(params);
  const t = await getTranslations({ locale, namespace: 'blog.author' });
  return withBlogFeed(
    publicMetadata({
      locale,
      path: `/blog/authors/${author.id}`,
      title: t('title', { name: author.name }),
      description: authorBio(author, locale),
    }),
    locale,
  );
}

/** /blog/authors/<id>: who the author is and what they wrote. */
export default async function BlogAuthorPage({ params }: Props) {
  const { locale, author, posts } = await load(params);
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
          { name: author.name, path: `/blog/authors/${author.id}` },
        ]}
      />
      <header className="space-y-3">
        <h1 className="text-4xl font-bold tracking-tight">{t('author.title', { name: author.name })}</h1>
        <p className="max-w-2xl text-muted-foreground">{authorBio(author, locale)}</p>
        <p className="text-sm text-muted-foreground">{t('author.posts', { count: posts.length })}</p>
      </header>
      <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {posts.map((entry) => (
          <PostCard key={entry.post.slug} locale={locale} entry={entry} />
        ))}
      </div>
    </div>
  );
}
