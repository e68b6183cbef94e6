import type { ReactNode } from 'react';
import { TASKS_PAGES_MESSAGES } from '@/features/tasks';
import { ClientMessages } from '@/platform/i18n/client-messages';

/** The tasks pages: the words their client components use (docs/performance.md). */
export default function TasksLayout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={TASKS_PAGES_MESSAGES}>{children}</ClientMessages>;
}
