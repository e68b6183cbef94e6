import type { ReactNode } from 'react';
import { ClientMessages } from '@/platform/i18n/client-messages';

/** The billing pages: the words their client components use (docs/performance.md). */
export default function BillingLayout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={['billing']}>{children}</ClientMessages>;
}
