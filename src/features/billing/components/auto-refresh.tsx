'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';

/** Fast refreshes first, then a slower pace: the page keeps its promise to update itself. */
const FAST_TRIES = 20;
const FAST_MS = 1000;
const SLOW_MS = 5000;

/**
 * Renders the page again from the server (router.refresh) every second while something is on its
 * way from the payment provider — its webhook — then every few seconds; `children` shows while fast,
 * `slow` once it takes longer. Unmounted when the page no longer needs it.
 */
export function AutoRefresh({ children, slow }: { children: ReactNode; slow: ReactNode }) {
  const router = useRouter();
  const [tries, setTries] = useState(0);
  useEffect(() => {
    const timer = setTimeout(
      () => {
        router.refresh();
        setTries((count) => count + 1);
      },
      tries < FAST_TRIES ? FAST_MS : SLOW_MS,
    );
    return () => clearTimeout(timer);
  }, [router, tries]);
  return (
    <div role="status" aria-live="polite">
      {tries < FAST_TRIES ? children : slow}
    </div>
  );
}
