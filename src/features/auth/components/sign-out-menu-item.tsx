'use client';

import { LogOut } from 'lucide-react';
import { useRef } from 'react';
import { useFormStatus } from 'react-dom';
import { CsrfField } from '@/platform/http/client/csrf-token-provider';
import { DropdownMenuItem } from '@/ui/dropdown-menu';
import { Spinner } from '@/ui/spinner';
import { toast } from '@/ui/toast';
import { signOut } from '../server/sign-in-actions';

/**
 * "Sign out" in a dropdown menu: a form posting the signOut action (which
 * ends the session and goes to the home page). Selecting the item keeps the
 * menu open, so the form is still there when it is sent.
 */
export function SignOutMenuItem({ label }: { label: string }) {
  const form = useRef<HTMLFormElement>(null);
  return (
    <form
      ref={form}
      action={async (data) => {
        // Success leaves the page; a refusal (an expired security token, say) is said in a toast.
        const result = await signOut(data);
        if (!result.ok) toast({ variant: 'destructive', description: result.error.message });
      }}
    >
      <CsrfField />
      <SignOutItem label={label} onSelect={() => form.current?.requestSubmit()} />
    </form>
  );
}

function SignOutItem({ label, onSelect }: { label: string; onSelect: () => void }) {
  const { pending } = useFormStatus();
  return (
    <DropdownMenuItem
      data-testid="sign-out"
      aria-busy={pending || undefined}
      onSelect={(event) => {
        event.preventDefault();
        if (!pending) onSelect();
      }}
    >
      {pending ? <Spinner /> : <LogOut aria-hidden />}
      {label}
    </DropdownMenuItem>
  );
}
