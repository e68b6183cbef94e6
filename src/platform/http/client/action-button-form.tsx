'use client';

import { useActionState, useEffect, useEffectEvent, type ReactNode } from 'react';
import type { ActionResult } from '@/platform/http/errors';
import { CsrfField } from '@/platform/http/client/csrf-token-provider';
import { Button, type ButtonVariantProps } from '@/ui/button';
import { cn } from '@/ui/cn';

type FormAction<R> = (previous: ActionResult<R> | null, input: FormData) => Promise<ActionResult<R>>;

/**
 * A button that runs a server action (sign out a session, remove a picture…).
 * It is a real form: without JavaScript the browser posts it and `permalink`
 * renders the outcome. Hidden `fields` go along with the CSRF token.
 */
export function ActionButtonForm<R>({
  action,
  permalink,
  fields = {},
  label,
  pendingLabel,
  accessibleLabel,
  variant = 'outline',
  size = 'sm',
  onSuccess,
  className,
}: {
  action: FormAction<R>;
  permalink: string;
  fields?: Record<string, string>;
  label: ReactNode;
  pendingLabel?: ReactNode;
  /**
   * A fuller name for screen readers when the visible label is short ("Sign out" → "Sign out the session on Firefox").
   */
  accessibleLabel?: string;
  onSuccess?: (data: R) => void;
  className?: string;
} & ButtonVariantProps) {
  const [result, formAction, pending] = useActionState(action, null, permalink);
  const succeeded = useEffectEvent((data: R) => onSuccess?.(data));
  useEffect(() => {
    if (result?.ok) succeeded(result.data);
  }, [result]);

  return (
    <form action={formAction} className={cn('grid justify-items-start gap-1', className)}>
      <CsrfField />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button
        type="submit"
        variant={variant}
        size={size}
        loading={pending}
        loadingLabel={pendingLabel}
        aria-label={pending ? undefined : accessibleLabel}
      >
        {label}
      </Button>
      {result && !result.ok ? (
        <p
          role="alert"
          className="basis-full text-sm font-medium text-destructive dark:text-foreground"
          data-error-code={result.error.code}
        >
          {result.error.message}
        </p>
      ) : null}
    </form>
  );
}
