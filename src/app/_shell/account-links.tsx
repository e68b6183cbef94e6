'use client';

import Link from 'next/link';
import { useSyncExternalStore } from 'react';
import { SIGNED_IN_HINT_COOKIE } from '@/features/auth';
import { Button } from '@/ui/button';

type Target = { href: string; label: string };

const noSubscription = () => () => undefined;
const hintPattern = new RegExp(`(?:^|; )${SIGNED_IN_HINT_COOKIE}=1(?:;|$)`);

/**
 * The marketing header's way in. The header is prerendered, the same for
 * everyone: it shows "Sign in" and "Get started", and in the browser switches
 * to "Dashboard" when the signed-in hint cookie says so (a stale hint costs one
 * redirect to the sign-in page).
 */
export function AccountLinks({ dashboard, signIn, signUp }: { dashboard: Target; signIn: Target; signUp: Target }) {
  const signedIn = useSyncExternalStore(
    noSubscription,
    () => hintPattern.test(document.cookie),
    () => false,
  );
  if (signedIn) {
    return (
      <Button asChild size="sm" className="ml-1">
        <Link href={dashboard.href}>{dashboard.label}</Link>
      </Button>
    );
  }
  return (
    <>
      <Button asChild size="sm" variant="ghost" className="ml-1">
        <Link href={signIn.href}>{signIn.label}</Link>
      </Button>
      <Button asChild size="sm" className="hidden sm:inline-flex">
        <Link href={signUp.href}>{signUp.label}</Link>
      </Button>
    </>
  );
}
