'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';

/** Fast refreshes first, then a slower pace, then none: a webhook that never comes must not poll forever. */
const FAST_TRIES = 20;
const FAST_MS = 1000;
const SLOW_MS = 5000;
/** About two minutes in all (20 × 1 s, then 20 × 5 s); then the page asks to be reloaded later. */
export const AUTO_REFRESH_MAX_TRIES = 40;

/** How long to wait before refresh number `tries + 1`, or null: it has tried enough. */
export function refreshDelay(tries: number): number | null {
  if (tries >= AUTO_REFRESH_MAX_TRIES) return null;
  return tries < FAST_TRIES ? FAST_MS : SLOW_MS;
}

/**
 * Renders the page again from the server (router.refresh) every second while something is on its
 * way from the payment provider — its webhook — then every few seconds, a bounded number of times;
 * `children` shows while fast, `slow` (the calm "still processing, reload later") once it takes longer
 * and after it stops. Unmounted when the page no longer needs it.
 */
export function AutoRefresh({ children, slow }: { children: ReactNode; slow: ReactNode }) {
  const router = useRouter();
  const [tries, setTries] = useState(0);
  useEffect(() => {
    const delay = refreshDelay(tries);
    if (delay === null) return;
    const timer = setTimeout(() => {
      router.refresh();
      setTries((count) => count + 1);
    }, delay);
    return () => clearTimeout(timer);
  }, [router, tries]);
  return (
    <div role="status" aria-live="polite">
      {tries < FAST_TRIES ? children : slow}
    </div>
  );
}
