'use client';

import { useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';

/**
 * Where deleting an account lands: `/?notice=account-deleted`. Read on the
 * client, so the home page stays prerendered; render it inside <Suspense>.
 * The notice itself (an Alert) comes rendered from the server as children: the
 * page's scripts carry only this check.
 * (It lives here, not in the auth feature: a client import of `@/features/auth`
 * would bring that face's zod schemas into the public pages' scripts.)
 */
export function AccountDeletedNotice({ children }: { children: ReactNode }) {
  return useSearchParams().get('notice') === 'account-deleted' ? children : null;
}
