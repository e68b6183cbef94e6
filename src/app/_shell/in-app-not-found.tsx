import { FileQuestion } from 'lucide-react';
import type { ReactNode } from 'react';
import { EmptyState } from '@/ui/empty-state';

/**
 * What a missing record shows inside the app (a deleted task, an organization
 * the user is not in): a message in the page's place, under the app's own
 * sidebar and top bar, and the way back (`action`, a link). The site's 404
 * (src/app/not-found.tsx) is for addresses outside the app.
 */
export function InAppNotFound({
  title,
  description,
  action,
}: {
  title: string;
  description: string;
  action: ReactNode;
}) {
  return (
    <EmptyState
      data-testid="in-app-not-found"
      icon={<FileQuestion />}
      headingLevel="h1"
      title={title}
      description={description}
      action={action}
    />
  );
}
