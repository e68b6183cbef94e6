import type { ReactNode } from 'react';
import { ClientMessages } from '@/platform/i18n/client-messages';

/** The local gateway's checkout and portal pages: the words their client components use (docs/performance.md). */
export default function LocalBillingLayout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={['billing']}>{children}</ClientMessages>;
}
