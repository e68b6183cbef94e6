import type { ReactNode } from 'react';
import { ClientMessages } from '@/platform/i18n/client-messages';

/** The members page: the words its client components use (docs/performance.md). */
export default function MembersLayout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={['organizations', 'billing.limits']}>{children}</ClientMessages>;
}
