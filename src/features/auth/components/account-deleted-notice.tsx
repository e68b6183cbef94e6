'use client';

import { useSearchParams } from 'next/navigation';
import { Alert, AlertDescription } from '@/ui/alert';

/**
 * Where deleting an account lands: `/?notice=account-deleted`. Read on the
 * client, so the home page stays prerendered; render it inside <Suspense>.
 */
export function AccountDeletedNotice({ message }: { message: string }) {
  if (useSearchParams().get('notice') !== 'account-deleted') return null;
  return (
    <Alert variant="success" className="mt-6">
      <AlertDescription>
        <p>{message}</p>
      </AlertDescription>
    </Alert>
  );
}
