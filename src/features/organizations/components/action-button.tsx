'use client';

import { useActionState, useEffect, useEffectEvent, type ReactNode } from 'react';
import { CsrfField } from '@/platform/http/client/csrf-token-provider';
import type { ActionResult } from '@/platform/http/errors';
import { Button, type ButtonVariantProps } from '@/ui/button';
import { cn } from '@/ui/cn';

type FormAction<R> = (previous: ActionResult<R> | null, input: FormData) => Promise<ActionResult<R>>;

/**
 * A button that runs an organization action without asking first (resend an
 * invitation). A real form: before JavaScript loads the browser posts it and
 * `permalink` shows the outcome. The server's refusal shows under it.
 */
export function ActionButton<R>({
  action,
  permalink,
  fields,
  label,
  pendingLabel,
  accessibleLabel,
  onSuccess,
  variant = 'outline',
  className,
}: {
  action: FormAction<R>;
  permalink: string;
  fields: Record<string, string>;
  label: ReactNode;
  pendingLabel: ReactNode;
  /** The fuller name screen readers hear ("Resend" → "Resend the invitation to ada@example.com"). */
  accessibleLabel: string;
  onSuccess?: (data: R) => void;
  variant?: ButtonVariantProps['variant'];
  className?: string;
}) {
  const [result, formAction, pending] = useActionState(action, null, permalink);
  const succeeded = useEffectEvent((data: R) => onSuccess?.(data));
  useEffect(() => {
    if (result?.ok) succeeded(result.data);
  }, [result]);

  return (
    <form action={formAction} className={cn('contents', className)}>
      <CsrfField />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} size="sm" loading={pending} loadingLabel={pendingLabel} aria-label={pending ? undefined : accessibleLabel}>
        {label}
      </Button>
      {result && !result.ok ? (
        <p role="alert" className="basis-full text-sm font-medium text-destructive dark:text-foreground" data-error-code={result.error.code}>
          {result.error.message}
        </p>
      ) : null}
    </form>
  );
}
