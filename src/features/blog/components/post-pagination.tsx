import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/platform/config/app-config';
import { localizedPath } from '@/platform/seo/localized-path';
import type { LocalizedPost } from '../posts';

/** Links to the newer and the older post. */
export async function PostPagination({
  locale,
  newer,
  older,
}: {
  locale: Locale;
  newer?: LocalizedPost;
  older?: LocalizedPost;
}) {
  if (!newer && !older) return null;
  const t = await getTranslations({ locale, namespace: 'blog.post' });
  const link = (entry: LocalizedPost, label: string, align: string) => (
    <Link
      href={localizedPath(locale, `/blog/${entry.post.slug}`)}
      className={`flex flex-col gap-1 rounded-lg border p-4 hover:bg-muted ${align}`}
    >
      <span className="text-sm text-muted-foreground">{label}</span>
      <span lang={entry.fallback ? entry.post.locale : undefined} className="font-medium">
        {entry.post.title}
      </span>
    </Link>
  );
  return (
    <nav aria-label={t('pagination')} className="grid gap-4 sm:grid-cols-2">
      <div>{newer ? link(newer, t('previous'), 'sm:text-start') : null}</div>
      <div>{older ? link(older, t('next'), 'sm:text-end') : null}</div>
    </nav>
  );
}
