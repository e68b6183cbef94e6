import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/platform/config/app-config';
import { cn } from '@/ui/cn';
import type { BlogPost } from '../posts';

/** "Published 26 November 2026 · 4 min read". Dates are calendar days, formatted in UTC. */
export async function PostMeta({ locale, post, className }: { locale: Locale; post: BlogPost; className?: string }) {
  const [t, format] = await Promise.all([
    getTranslations({ locale, namespace: 'blog.post' }),
    getFormatter({ locale }),
  ]);
  const day = (date: string) => format.dateTime(new Date(`${date}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <p className={cn('flex flex-wrap gap-x-2 text-sm text-muted-foreground', className)}>
      <time dateTime={post.date}>{t('publishedOn', { date: day(post.date) })}</time>
      {post.updated !== post.date ? (
        <time dateTime={post.updated}>· {t('updatedOn', { date: day(post.updated) })}</time>
      ) : null}
      <span>· {t('readingTime', { minutes: post.readingMinutes })}</span>
    </p>
  );
}
