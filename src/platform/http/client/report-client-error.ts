'use client';

import { apiFetch } from './api-client';

/**
 * Sends an error caught in the browser to the server log (POST
 * /api/client-errors), where it is recorded with a request id. Never throws.
 */
export function reportClientError(error: Error & { digest?: string }) {
  void apiFetch('/api/client-errors', {
    json: {
      message: String(error.message).slice(0, 1000),
      digest: error.digest,
      stack: error.stack?.slice(0, 4000),
      url: window.location.href.slice(0, 2000),
    },
  }).catch(() => undefined);
}
