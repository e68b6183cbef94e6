'use client';

import { useActionState, useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { CsrfField } from '@/platform/http/client/csrf-token-provider';
import type { ActionResult } from '@/platform/http/errors';
import { Button, type ButtonVariantProps } from '@/ui/button';
import { ConfirmDialog } from '@/ui/confirm-dialog';

type FormAction<R> = (previous: ActionResult<R> | null, input: FormData) => Promise<ActionResult<R>>;

export interface ConfirmActionDialogProps<R> {
  action: FormAction<R>;
  /** Hidden fields sent with the CSRF token (organizationId, memberId…). */
  fields: Record<string, string>;
  /** The button that opens the dialog; leave it out to open the dialog through `open` (from a row's menu). */
  trigger?: ReactNode;
  triggerVariant?: ButtonVariantProps['variant'];
  triggerSize?: ButtonVariantProps['size'];
  title: ReactNode;
  description: ReactNode;
  cancelLabel: ReactNode;
  submitLabel: ReactNode;
  pendingLabel: ReactNode;
  /** After the action succeeded (actions that redirect never get here). */
  onSuccess?: (data: R) => void;
  /** Controlled opening (without a trigger); a success closes it through `onOpenChange(false)`. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Where focus goes back when there is no trigger (see ConfirmDialog). */
  onCloseAutoFocus?: (event: Event) => void;
}

/**
 * A button that asks "are you sure?" (the design system's ConfirmDialog) before
 * running a destructive server action (remove a member, revoke an invitation,
 * leave). The dialog stays open while the action runs and shows the server's
 * refusal, in the user's language, if there is one; it closes when the action
 * succeeds.
 */
export function ConfirmActionDialog<R>({
  action,
  fields,
  trigger,
  triggerVariant = 'outline',
  triggerSize = 'sm',
  title,
  description,
  cancelLabel,
  submitLabel,
  pendingLabel,
  onSuccess,
  open: controlledOpen,
  onOpenChange,
  onCloseAutoFocus,
}: ConfirmActionDialogProps<R>) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = controlledOpen ?? ownOpen;
  const [result, formAction, pending] = useActionState(action, null);
  // A result belongs to the attempt that got it: opening the dialog again (by its trigger or by `open`) starts clean.
  const [seen, setSeen] = useState<ActionResult<R> | null>(null);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setSeen(result);
  }
  const latest = result !== seen ? result : null;
  const succeeded = useEffectEvent((data: R) => {
    if (controlledOpen !== undefined) onOpenChange?.(false);
    onSuccess?.(data);
  });
  useEffect(() => {
    if (result?.ok) succeeded(result.data);
  }, [result]);

  return (
    <ConfirmDialog
      // A success closes the dialog.
      open={open && !latest?.ok}
      onOpenChange={(next) => {
        if (next) setSeen(result);
        setOwnOpen(next);
        onOpenChange?.(next);
      }}
      onCloseAutoFocus={onCloseAutoFocus}
      trigger={
        trigger === undefined ? undefined : (
          <Button variant={triggerVariant} size={triggerSize}>
            {trigger}
          </Button>
        )
      }
      title={title}
      description={description}
      cancelLabel={cancelLabel}
      confirmLabel={submitLabel}
      pendingLabel={pendingLabel}
      pending={pending}
      error={latest && !latest.ok ? latest.error : null}
      form={(content) => (
        <form action={formAction} className="grid gap-4">
          <CsrfField />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {content}
        </form>
      )}
    />
  );
}
