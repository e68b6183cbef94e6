import { getTranslations } from 'next-intl/server';
import { Skeleton } from '@/ui/skeleton';

/**
 * Shown while an organization's home, members or settings page loads. It sits
 * below /dashboard on purpose: /dashboard itself only redirects, and a loading
 * boundary there would send the skeleton first and turn that redirect into a
 * client-side one.
 *
 * It covers only the pages of this route group, not the task pages: behind a
 * loading boundary the page arrives as streamed HTML that only JavaScript
 * swaps in, and the task form and the task page it redirects to must work
 * without JavaScript (vercel/next.js#50150).
 */
export default async function OrganizationPageLoading() {
  const t = await getTranslations('app.dashboard');
  return (
    <div className="space-y-8" role="status" aria-label={t('loading')}>
      <div className="space-y-2">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-4 w-72" />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Skeleton className="h-28" />
        <Skeleton className="h-28" />
        <Skeleton className="h-28" />
      </div>
    </div>
  );
}
