'use client';

import Link from 'next/link';
import { useSyncExternalStore } from 'react';
import { buttonVariants } from '@/ui/button-variants';

type Target = { href: string; label: string };

const noSubscription = () => () => undefined;

/**
 * The marketing header's way in. The header is prerendered, the same for
 * everyone: it shows "Sign in" and "Get started", and in the browser switches
 * to "Dashboard" when the signed-in hint cookie says so (a stale hint costs one
 * redirect to the sign-in page).
 */
export function AccountLinks({
  hintCookie,
  dashboard,
  signIn,
  signUp,
}: {
  /** SIGNED_IN_HINT_COOKIE, passed by the server: a client import of `@/features/auth` would bring its zod schemas. */
  hintCookie: string;
  dashboard: Target;
  signIn: Target;
  signUp: Target;
}) {
  const signedIn = useSyncExternalStore(
    noSubscription,
    () => document.cookie.split('; ').includes(`${hintCookie}=1`),
    () => false,
  );
  if (signedIn) {
    return (
      <Link href={dashboard.href} className={buttonVariants({ size: 'sm', className: 'ml-1' })}>
        {dashboard.label}
      </Link>
    );
  }
  return (
    <>
      <Link href={signIn.href} className={buttonVariants({ size: 'sm', variant: 'ghost', className: 'ml-1' })}>
        {signIn.label}
      </Link>
      {/* max-sm:hidden rather than hidden + sm:inline-flex: without tailwind-merge, no two display utilities. */}
      <Link href={signUp.href} className={buttonVariants({ size: 'sm', className: 'max-sm:hidden' })}>
        {signUp.label}
      </Link>
    </>
  );
}
