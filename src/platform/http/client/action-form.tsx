'use client';

import { createContext, useActionState, useContext, type ComponentProps, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionResult, FieldErrors } from '../errors';
import { FORM_ERROR_KEY } from '../validation-keys';
import { CsrfField } from './csrf-token-provider';

type FormAction<R> = (previous: ActionResult<R> | null, input: FormData) => Promise<ActionResult<R>>;

const ActionResultContext = createContext<ActionResult<unknown> | null>(null);

/**
 * A `<form>` bound to a server action made with `defineAction`. It adds the
 * CSRF token, keeps the last result (for `FieldError`, `FormError` and
 * `children` as a function), and works before JavaScript loads: the browser
 * posts the form, the action runs, and the page renders the result.
 */
export function ActionForm<R>({
  action,
  children,
  permalink,
  ...props
}: Omit<ComponentProps<'form'>, 'action' | 'children'> & {
  action: FormAction<R>;
  /** The page URL to show the result on when JavaScript has not loaded. */
  permalink?: string;
  children: ReactNode | ((result: ActionResult<R> | null) => ReactNode);
}) {
  const [result, formAction] = useActionState(action, null, permalink);
  return (
    <ActionResultContext.Provider value={result}>
      <form {...props} action={formAction} noValidate>
        <CsrfField />
        {typeof children === 'function' ? children(result) : children}
      </form>
    </ActionResultContext.Provider>
  );
}

/** The last result of the enclosing `ActionForm`. */
export function useActionResult<R = unknown>(): ActionResult<R> | null {
  return useContext(ActionResultContext) as ActionResult<R> | null;
}

export function fieldErrorsOf(result: ActionResult<unknown> | null): FieldErrors {
  return result && !result.ok ? (result.error.fieldErrors ?? {}) : {};
}

/** The messages for one field of the enclosing form, linked to the input by id. */
export function FieldError({ name, id, className }: { name: string; id?: string; className?: string }) {
  const messages = fieldErrorsOf(useActionResult())[name];
  if (!messages?.length) return null;
  return (
    <p id={id ?? `${name}-error`} className={className} role="alert" data-field-error={name}>
      {messages.join(' ')}
    </p>
  );
}

/** The form-level message: the error of a refused or failed submission. */
export function FormError({ className }: { className?: string }) {
  const result = useActionResult();
  if (!result || result.ok) return null;
  const formMessages = result.error.fieldErrors?.[FORM_ERROR_KEY];
  return (
    <div className={className} role="alert" data-error-code={result.error.code}>
      <p>{result.error.message}</p>
      {formMessages?.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

/** A submit button that shows `pendingLabel` while the form is being sent. */
export function SubmitButton({
  children,
  pendingLabel,
  ...props
}: ComponentProps<'button'> & { pendingLabel?: ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" aria-disabled={pending} disabled={pending || props.disabled} {...props}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
