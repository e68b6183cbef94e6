'use client';

import { createContext, useActionState, useContext, useEffect, useRef, type ComponentProps, type ReactNode } from 'react';
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
  const formRef = useRef<HTMLFormElement>(null);
  const submitted = useRef<FormData | null>(null);

  // React clears a form after its action runs. When the action refused the
  // input, put back what the user typed so they only fix what is wrong.
  useEffect(() => {
    if (result && !result.ok && submitted.current && formRef.current) restoreValues(formRef.current, submitted.current);
  }, [result]);

  return (
    <ActionResultContext.Provider value={result}>
      <form
        {...props}
        ref={formRef}
        action={formAction}
        noValidate
        onSubmit={(event) => {
          submitted.current = new FormData(event.currentTarget);
          props.onSubmit?.(event);
        }}
      >
        <CsrfField />
        {typeof children === 'function' ? children(result) : children}
      </form>
    </ActionResultContext.Provider>
  );
}

const NOT_RESTORED = new Set(['hidden', 'file', 'password', 'submit', 'button', 'reset', 'image']);

function restoreValues(form: HTMLFormElement, data: FormData) {
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement)) continue;
    if (!element.name || (element instanceof HTMLInputElement && NOT_RESTORED.has(element.type))) continue;
    const values = data.getAll(element.name).map(String);
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      element.checked = values.includes(element.value);
    } else if (element instanceof HTMLSelectElement && element.multiple) {
      for (const option of Array.from(element.options)) option.selected = values.includes(option.value);
    } else if (values[0] !== undefined) {
      element.value = values[0];
    }
  }
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
