'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/platform/http/errors';
import { CsrfField } from '@/platform/http/client/csrf-token-provider';
import { Button, type ButtonVariantProps } from '@/ui/button';
import { cn } from '@/ui/cn';
import { acceptInvitationAction, acceptInvitationByIdAction } from '../server/actions';

type FormAction = (previous: ActionResult<unknown> | null, input: FormData) => Promise<ActionResult<unknown>>;

/**
 * "Accept invitation": a form that posts the accept action (never a link:
 * mail scanners open links, they do not press buttons). By the link's token
 * (/join) or by id (onboarding lists the user's open invitations). On success
 * the action goes to the organization's dashboard; a refusal is said under
 * the button. Works before JavaScript loads (`permalink` renders the result).
 */
export function AcceptInvitationButton({
  by,
  permalink,
  label,
  pendingLabel,
  accessibleLabel,
  variant = 'default',
  size = 'md',
  className,
}: {
  by: { token: string } | { invitationId: string };
  permalink: string;
  label: string;
  pendingLabel: string;
  /** A fuller name for screen readers when several buttons share the label ("Accept the invitation to Acme"). */
  accessibleLabel?: string;
  className?: string;
} & ButtonVariantProps) {
  const action = ('token' in by ? acceptInvitationAction : acceptInvitationByIdAction) as unknown as FormAction;
  const [result, formAction, pending] = useActionState(action, null, permalink);
  return (
    <form action={formAction} className={cn('grid gap-2', className)}>
      <CsrfField />
      {'token' in by ? (
        <input type="hidden" name="token" value={by.token} />
      ) : (
        <input type="hidden" name="invitationId" value={by.invitationId} />
      )}
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
          className="text-sm font-medium text-destructive dark:text-foreground"
          data-error-code={result.error.code}
        >
          {result.error.message}
        </p>
      ) : null}
    </form>
  );
}
