'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Alert, AlertDescription } from '@/ui/alert';

/**
 * Where deleting an account lands (`/?notice=account-deleted`). The landing page is prerendered, so
 * the query string is read in the browser rather than on the server.
 */
export function AccountDeletedNotice() {
  const t = useTranslations('settings.account.delete');
  const [shown, setShown] = useState(false);
  useEffect(() => {
    // Read once after hydration: the prerendered markup cannot know the query string.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setShown(new URLSearchParams(window.location.search).get('notice') === 'account-deleted');
  }, []);
  if (!shown) return null;
  return (
    <Alert variant="success" className="mt-6">
      <AlertDescription>
        <p>{t('deleted')}</p>
      </AlertDescription>
    </Alert>
  );
}
