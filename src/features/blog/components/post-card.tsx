import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/platform/config/app-config';
import { localizedPath } from '@/platform/seo/localized-path';
import { Badge } from '@/ui/badge';
import type { LocalizedPost } from '../posts';
import { PostMeta } from './post-meta';

/** A post in a list (index, tag and author pages): cover, title, summary, date and reading time. */
export async function PostCard({ locale, entry }: { locale: Locale; entry: LocalizedPost }) {
  const t = await getTranslations({ locale, namespace: 'blog.post' });
  const { post, fallback } = entry;
  return (
    <article
      lang={fallback ? post.locale : undefined}
      className="flex flex-col overflow-hidden rounded-lg border bg-card text-card-foreground shadow-sm"
      data-testid="post-card"
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- an SVG from public/, drawn at its own size */}
      <img src={post.cover.src} alt="" width={1200} height={630} className="aspect-[1200/630] w-full border-b" />
      <div className="flex flex-1 flex-col gap-3 p-5">
        <h2 className="text-xl font-semibold text-balance">
          <Link href={localizedPath(locale, `/blog/${post.slug}`)} className="hover:underline">
            {post.title}
          </Link>
        </h2>
        {post.draft ? <Badge variant="warning">{t('draft')}</Badge> : null}
        <p className="text-muted-foreground">{post.description}</p>
        <PostMeta locale={locale} post={post} className="mt-auto" />
      </div>
    </article>
  );
}
