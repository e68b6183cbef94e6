import type { ReactNode } from 'react';
import { ClientMessages } from '@/platform/i18n/client-messages';

/** The organization's settings and its audit log: the words their client components use (docs/performance.md). */
export default function OrganizationSettingsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={['organizations', 'audit']}>{children}</ClientMessages>;
}
