'use client';

import { useState, type ReactElement, type ReactNode } from 'react';
import { Alert, AlertDescription } from './alert';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from './alert-dialog';
import { Button } from './button';

export interface ConfirmDialogProps {
  /**
   * The button that opens the dialog (rendered as is, with the dialog's trigger behaviour). Without it, open the
   * dialog through `open` (from a menu item, say) and give `onCloseAutoFocus` somewhere to put the focus back.
   */
  trigger?: ReactElement;
  title: ReactNode;
  description: ReactNode;
  cancelLabel: ReactNode;
  confirmLabel: ReactNode;
  /** Replaces the confirm label while `pending`. */
  pendingLabel?: ReactNode;
  /** The action runs: the confirm button spins, Cancel and Escape do nothing until it ends. */
  pending?: boolean;
  /** A refusal of the last attempt, in the user's language, shown above the buttons. */
  error?: { message: ReactNode; code?: string } | null;
  /** What is asked before confirming (a password, a name typed out…), above the buttons. */
  children?: ReactNode;
  /** Controlled opening; without it the dialog keeps its own state. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** When the dialog closes; `event.preventDefault()` and focus an element of your choice (without a trigger). */
  onCloseAutoFocus?: (event: Event) => void;
  /** Confirming runs this (a button, no form)… */
  onConfirm?: () => void;
  /**
   * …or the content (children, error and buttons) goes inside this form, and
   * the confirm button submits it: `(content) => <form action={…}>{content}</form>`.
   */
  form?: (content: ReactNode) => ReactNode;
}

/**
 * "Are you sure?" before something that cannot be undone (delete a task,
 * remove a member, delete the account). An alert dialog: an outside click does
 * not close it, focus starts on Cancel and comes back to the trigger, and the
 * title and description name it for screen readers.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  cancelLabel,
  confirmLabel,
  pendingLabel,
  pending = false,
  error,
  children,
  open,
  onOpenChange,
  onCloseAutoFocus,
  onConfirm,
  form,
}: ConfirmDialogProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const content = (
    <>
      {children}
      {error ? (
        <Alert variant="destructive" data-error-code={error.code}>
          <AlertDescription>
            <p>{error.message}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <AlertDialogFooter>
        <AlertDialogCancel type="button" disabled={pending}>
          {cancelLabel}
        </AlertDialogCancel>
        <Button
          type={form ? 'submit' : 'button'}
          variant="destructive"
          loading={pending}
          loadingLabel={pendingLabel}
          onClick={form ? undefined : onConfirm}
        >
          {confirmLabel}
        </Button>
      </AlertDialogFooter>
    </>
  );

  return (
    <AlertDialog
      open={open ?? ownOpen}
      onOpenChange={(next) => {
        if (pending) return;
        if (open === undefined) setOwnOpen(next);
        onOpenChange?.(next);
      }}
    >
      {trigger ? <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger> : null}
      <AlertDialogContent onCloseAutoFocus={onCloseAutoFocus}>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {form ? form(content) : <div className="grid gap-4">{content}</div>}
      </AlertDialogContent>
    </AlertDialog>
  );
}
