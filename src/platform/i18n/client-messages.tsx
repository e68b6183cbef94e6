import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { type MessagePath, pickMessages } from './messages';
import { MessagesScope } from './messages-scope';

/**
 * Sends the browser the messages at `paths` for the client components below, on top of those the layouts
 * above sent (the signed-in root layout sends `common` and `CLIENT_ERROR_MESSAGES`). A page or layout lists
 * what its own client components use (`useTranslations('tasks')` → 'tasks'); server components read the
 * whole catalogue on the server and need nothing here. See docs/performance.md.
 */
export async function ClientMessages({ paths, children }: { paths: readonly MessagePath[]; children: ReactNode }) {
  const locale = await getLocale();
  return <MessagesScope messages={pickMessages(locale, paths)}>{children}</MessagesScope>;
}
