'use client';

import { useEffect } from 'react';
import { reportClientError } from '@/platform/http/client/report-client-error';

/**
 * Last resort when the root layout itself fails: no translations are available
 * here (they are loaded by that layout), so the text is bilingual and short.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    reportClientError(error);
  }, [error]);
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '3rem', textAlign: 'center' }}>
        <h1>Something went wrong · Algo salió mal</h1>
        {error.digest ? <p>Reference · Referencia: {error.digest}</p> : null}
        <button type="button" onClick={reset}>
          Try again · Reintentar
        </button>
      </body>
    </html>
  );
}
