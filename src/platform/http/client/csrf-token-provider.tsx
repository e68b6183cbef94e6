'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { CSRF_FIELD } from '../csrf';

/**
 * Holds the visitor's CSRF token on the client. The root layout renders it
 * with a token minted on the server; `apiFetch` may replace it with a fresh
 * one (after a 403 CSRF_TOKEN_INVALID) and every subscriber sees the new one.
 */
let serverToken: string | null = null;
let refreshedToken: string | null = null;
const listeners = new Set<(token: string) => void>();

/** The token `apiFetch` sends: a refreshed one if there is one, else the page's. */
export function getClientCsrfToken() {
  return refreshedToken ?? serverToken;
}

/** Called by `apiFetch` after fetching a fresh token from /api/csrf. */
export function setClientCsrfToken(token: string) {
  refreshedToken = token;
  for (const listener of listeners) listener(token);
}

/** Fetches a fresh token for this visitor from /api/csrf (which sets their CSRF cookie if they have none). */
export async function refreshCsrfToken(): Promise<string | null> {
  const response = await fetch('/api/csrf', { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) return null;
  const { token } = (await response.json()) as { token: string };
  setClientCsrfToken(token);
  return token;
}

const CsrfTokenContext = createContext<string | null>(null);

export function CsrfTokenProvider({ token, children }: { token: string | null; children: ReactNode }) {
  const [refreshed, setRefreshed] = useState<string | null>(null);
  useEffect(() => {
    serverToken = token;
    listeners.add(setRefreshed);
    return () => {
      listeners.delete(setRefreshed);
    };
  }, [token]);
  return <CsrfTokenContext.Provider value={refreshed ?? token}>{children}</CsrfTokenContext.Provider>;
}

/** The CSRF token to send with a server action (`csrf_token`) or an API call (`X-CSRF-Token`). */
export function useCsrfToken(): string | null {
  return useContext(CsrfTokenContext);
}

/** A hidden input carrying the token; `ActionForm` adds it for you. */
export function CsrfField() {
  const token = useCsrfToken();
  return <input type="hidden" name={CSRF_FIELD} value={token ?? ''} />;
}
