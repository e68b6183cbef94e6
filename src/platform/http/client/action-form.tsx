'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import {
  startTransition,
  useActionState,
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useMemo,
  useRef,
  type ComponentProps,
  type ReactNode,
} from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
import { Alert, AlertDescription } from '@/ui/alert';
import { Form } from '@/ui/form';
import type { ActionResult } from '../errors';
import { validationMessage, type ErrorsTranslator } from '../validation-messages';
import { FORM_ERROR_KEY } from '../validation-keys';
import { withActionFailure } from './action-failure';
import { CsrfField } from './csrf-token-provider';

type FormAction<R> = (previous: ActionResult<R> | null, input: FormData) => Promise<ActionResult<R>>;

/**
 * A react-hook-form form bound to a server action made with `defineAction`:
 *
 * - the same zod schema validates in the browser (translated messages) and on
 *   the server;
 * - the CSRF token is added for you;
 * - the server's field errors land on the fields, its other errors in
 *   `<FormError />`, and nothing the user typed is lost;
 * - before JavaScript loads, the browser posts the form natively and the page
 *   renders the result (progressive enhancement);
 * - what was typed (or autofilled) into the server-rendered fields before
 *   JavaScript loaded is kept: `ActionForm` hands it to the form as it hydrates.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, R>({
  schema,
  action,
  defaultValues,
  permalink,
  onSuccess,
}: {
  schema: S;
  action: FormAction<R>;
  defaultValues?: DefaultValues<z.input<S>>;
  /** The page URL that shows the result when JavaScript has not loaded. */
  permalink?: string;
  onSuccess?: (data: R) => void;
}) {
  const t = useTranslations('errors');
  // The form's `action` attribute: the browser posts it before JavaScript runs (its result renders with the page).
  const [posted, formAction, postPending] = useActionState(action, null, permalink);
  // Submissions once JavaScript runs (onSubmit), where a failed call becomes a result.
  const sendAction = useMemo(() => withActionFailure(action, t('SERVICE_UNAVAILABLE')), [action, t]);
  const [sent, send, sendPending] = useActionState(sendAction, null);
  const result = sent ?? posted;
  const pending = postPending || sendPending;
  const failed = result && !result.ok ? result : null;
  // One object per result: react-hook-form re-applies `errors` whenever its identity changes.
  const serverErrors = useMemo(() => (failed ? fieldErrorsForForm(failed.error.fieldErrors) : undefined), [failed]);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // The zod 4 resolver accepts per-parse options, among them the error map.
    resolver: translatedResolver(
      zodResolver(
        schema as never,
        { error: (issue: never) => validationMessage(issue, t as unknown as ErrorsTranslator) } as never,
      ) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
      (key) => (t.has(key as never) ? t(key as never) : key),
    ),
    // After a refused submission: what was sent and the server's field errors.
    // This also renders on the server, so a page without JavaScript shows them.
    defaultValues: (failed?.values as DefaultValues<z.input<S>> | undefined) ?? defaultValues,
    errors: serverErrors as FieldErrors<z.input<S>> | undefined,
  });
  const succeeded = useEffectEvent((data: R) => onSuccess?.(data));

  useEffect(() => {
    if (result?.ok) succeeded(result.data);
  }, [result]);

  // Valid in the browser: send the form's own fields (CSRF token included) to the action.
  const onSubmit = form.handleSubmit((_values, event) => {
    const element = event?.target;
    if (!(element instanceof HTMLFormElement)) return;
    const data = new FormData(element);
    startTransition(() => send(data));
  });

  return { form, result, pending, formAction, onSubmit };
}

/** The server's "a.b" field errors as react-hook-form's nested error objects. */
function fieldErrorsForForm(fieldErrors: Record<string, string[]> = {}) {
  const errors: Record<string, unknown> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (field === FORM_ERROR_KEY) continue;
    const path = field.split('.');
    let node = errors;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path.at(-1)!] = { type: 'server', message: messages.join(' ') };
  }
  return errors;
}

/**
 * A schema's own messages are translation keys ("validation.tooShort");
 * the server translates them in validateInput, this does it in the browser.
 */
function translatedResolver<V extends FieldValues, O>(
  resolver: Resolver<V, unknown, O>,
  translate: (key: string) => string,
): Resolver<V, unknown, O> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    for (const error of Object.values(result.errors) as { message?: unknown }[]) {
      if (typeof error?.message === 'string' && error.message.startsWith('validation.'))
        error.message = translate(error.message);
    }
    return result;
  };
}

/** What `ActionForm` and `FormError` need from `useActionForm`'s return value. */
interface ActionFormState<R> {
  form: object;
  result: ActionResult<R> | null;
  formAction: (payload: FormData) => void;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
}

/** Renders the `<form>` for `useActionForm`, with the CSRF field. */
export function ActionForm<R>({
  state,
  children,
  ...props
}: Omit<ComponentProps<'form'>, 'action' | 'onSubmit' | 'ref'> & { state: ActionFormState<R>; children: ReactNode }) {
  const form = state.form as UseFormReturn<FieldValues>;
  const element = useRef<HTMLFormElement>(null);
  // What a quick typist or a password manager put into the server-rendered fields before JavaScript ran is still
  // in them when React hydrates the form (hydration leaves a field's value alone), but the form's state holds its
  // defaults: the next render of a field would write them over it. Handed to the form now (after the hydrating
  // commit, before any other render), the fields render what was typed. On a client-side navigation the fields
  // already hold the form's values, and this changes nothing.
  useLayoutEffect(() => {
    keepValuesTypedBeforeHydration(element.current, form);
    // Once, as the form first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <Form {...form}>
      <form {...props} ref={element} action={state.formAction} onSubmit={state.onSubmit} noValidate>
        <CsrfField />
        {children}
      </form>
    </Form>
  );
}

/** Inputs whose value is typed; others (checkboxes, radios, files, hidden fields, buttons) are left alone. */
const TYPED_INPUTS = new Set(['text', 'email', 'password', 'search', 'tel', 'url', 'number', 'date', 'time']);

/**
 * Copies into react-hook-form each field of `element` that it manages (a text input, a textarea or a single
 * select) whose value in the page differs from the form's (a string, or none yet).
 */
function keepValuesTypedBeforeHydration(element: HTMLFormElement | null, form: UseFormReturn<FieldValues>) {
  if (!element) return;
  const managed = form.control._names.mount;
  for (const control of Array.from(element.elements)) {
    const typed =
      (control instanceof HTMLInputElement && TYPED_INPUTS.has(control.type)) ||
      control instanceof HTMLTextAreaElement ||
      (control instanceof HTMLSelectElement && !control.multiple);
    if (!typed || !control.name || control.disabled || !managed.has(control.name)) continue;
    const current: unknown = form.getValues(control.name);
    if (current !== undefined && current !== null && typeof current !== 'string') continue;
    if (control.value !== (current ?? '')) form.setValue(control.name, control.value, { shouldDirty: true });
  }
}

/**
 * The error of the last submission that is not about one field (CSRF, rate
 * limit, server failure).
 *
 * By default a refusal about fields also shows here, as a summary above the
 * form ("Some fields need your attention."). Pass the form's `fields` to leave
 * it out when the refusal names one of them: the message under that field says
 * it, and a short form does not show the same sentence twice (settings forms).
 */
export function FormError<R>({
  state,
  fields,
  className,
}: {
  state: ActionFormState<R>;
  fields?: readonly string[];
  className?: string;
}) {
  const { result } = state;
  if (!result || result.ok) return null;
  if (fields && Object.keys(result.error.fieldErrors ?? {}).some((key) => fields.includes(key))) return null;
  const formMessages = result.error.fieldErrors?.[FORM_ERROR_KEY] ?? [];
  return (
    <Alert variant="destructive" className={className} data-error-code={result.error.code}>
      <AlertDescription>
        <p>{result.error.message}</p>
        {formMessages.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </AlertDescription>
    </Alert>
  );
}
