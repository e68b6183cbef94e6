import 'server-only';
import { cookies, headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { getServerConfig } from '@/platform/config/server-config';
import { CSRF_FIELD } from './csrf';
import { AppError, type ActionResult } from './errors';
import { runGuards, type Guard, type GuardsOutput } from './guards';
import { assertCsrf, enforceRateLimits, toErrorPayload, type RateLimitOption } from './pipeline';
import { createRequestContext, type CookieReader, type CookieWriter, type RequestContext } from './request-context';
import { runInRequest } from './request-scope';
import { entriesToObject, validateInput } from './validation';

/** What an action accepts: its input as an object, or the FormData of a `<form action>`. */
export type ActionInput<I> = (I & { [CSRF_FIELD]?: string }) | FormData;

/**
 * A server action made by `defineAction`. It can be given to `<form action>`
 * and `useActionState` (which pass the previous state first), or awaited from
 * code; it always resolves to an `ActionResult`, never throws.
 */
export interface Action<I, R> {
  (input: ActionInput<I>): Promise<ActionResult<R>>;
  (previous: ActionResult<R> | null, input: ActionInput<I>): Promise<ActionResult<R>>;
}

export interface ActionDefinition<S extends z.ZodType, G extends readonly Guard<z.output<S>, object>[], R> {
  /** Appears in logs. */
  name: string;
  input: S;
  guards?: G;
  /**
   * Run the guards before the input is read or counted (they must not need it): for an area whose actions
   * answer everyone else as if they did not exist, so a malformed call gets the guard's 404, not field errors,
   * and does not spend the area's rate limit (the super-admin area).
   */
  guardsFirst?: boolean;
  /** One limit, or several (per client and per recipient, say): all must allow the request. */
  rateLimit?: RateLimitOption<z.output<S>> | RateLimitOption<z.output<S>>[];
  handler: (input: z.output<S>, context: RequestContext & GuardsOutput<G>) => Promise<R>;
}

export interface ActionRequest {
  headers: Headers;
  cookies: CookieReader;
  /** Receives the cookies the action sets (next/headers' cookies() for real requests). */
  responseCookies?: CookieWriter;
}

/**
 * Runs an action for one request: CSRF → validation → rate limit → guards →
 * handler (with `guardsFirst`: CSRF → guards → validation → rate limit →
 * handler). Separate from `defineAction` so tests can run it with a request of
 * their own.
 */
export async function executeAction<S extends z.ZodType, G extends readonly Guard<z.output<S>, object>[], R>(
  definition: ActionDefinition<S, G, R>,
  rawInput: unknown,
  request: ActionRequest,
): Promise<ActionResult<R>> {
  const context = createRequestContext(
    request.headers,
    request.cookies,
    getServerConfig().trustedProxies,
    request.responseCookies,
  );
  try {
    const isForm = rawInput instanceof FormData;
    const token = isForm
      ? rawInput.get(CSRF_FIELD)
      : rawInput && typeof rawInput === 'object'
        ? (rawInput as Record<string, unknown>)[CSRF_FIELD]
        : undefined;
    assertCsrf(context, typeof token === 'string' ? token : null);

    const candidate = isForm
      ? entriesToObject(rawInput, [CSRF_FIELD])
      : rawInput && typeof rawInput === 'object'
        ? Object.fromEntries(Object.entries(rawInput).filter(([key]) => key !== CSRF_FIELD))
        : rawInput;

    // The guards run in the request's scope too: the session they read may note an impersonator for the audit log.
    const data = await runInRequest(context, async () => {
      const guardedFirst = definition.guardsFirst
        ? await runGuards(definition.guards ?? [], { ...context, input: undefined as never, params: {} })
        : null;

      const validated = validateInput(definition.input, candidate, context.locale);
      if (!validated.ok) throw new AppError('VALIDATION_FAILED', { fieldErrors: validated.fieldErrors });

      if (definition.rateLimit) await enforceRateLimits(definition.rateLimit, context, validated.data);

      const added =
        guardedFirst ?? (await runGuards(definition.guards ?? [], { ...context, input: validated.data, params: {} }));
      return definition.handler(validated.data, { ...context, ...added } as RequestContext & GuardsOutput<G>);
    });
    return { ok: true, data };
  } catch (error) {
    // redirect(), notFound() and friends are control flow, not failures.
    unstable_rethrow(error);
    const { retryAfterSeconds: _retry, ...payload } = toErrorPayload(error, context);
    if (payload.status >= 500) context.logger.error({ action: definition.name, code: payload.code }, 'action failed');
    else context.logger.info({ action: definition.name, code: payload.code }, 'action refused');
    return { ok: false, error: payload, ...(rawInput instanceof FormData ? { values: echoableValues(rawInput) } : {}) };
  }
}

/** Field names whose values are never sent back (passwords, one-time and recovery codes, tokens). */
const NEVER_ECHOED = /password|secret|token|csrf|otp|mfa|recovery|code/i;

/** The text fields of a submitted form, minus anything secret, to render the form again. */
function echoableValues(form: FormData): Record<string, string> {
  const values = Object.entries(entriesToObject(form))
    .filter(([key]) => !NEVER_ECHOED.test(key))
    .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value] as const)
    .filter((entry): entry is readonly [string, string] => typeof entry[1] === 'string')
    .map(([key, value]) => [key, value.slice(0, 10_000)]);
  return Object.fromEntries(values);
}

/**
 * Defines a server action with validation, CSRF verification, optional rate
 * limit and guards, and a typed result. Export it from a `'use server'` file:
 *
 *   export const sendMessage = defineAction({ name: 'contact.send', input: schema, handler: async (input, ctx) => … });
 */
export function defineAction<S extends z.ZodType, const G extends readonly Guard<z.output<S>, object>[] = [], R = void>(
  definition: ActionDefinition<S, G, R>,
): Action<z.input<S>, R> & { definition: ActionDefinition<S, G, R> } {
  const action = async function action(...args: unknown[]) {
    const rawInput = args.length > 1 ? args[1] : args[0];
    const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
    return executeAction(definition, rawInput, {
      headers: new Headers(headerList),
      cookies: { get: (name) => cookieStore.get(name)?.value },
      responseCookies: { set: (name, value, options) => void cookieStore.set(name, value, options) },
    });
  } as Action<z.input<S>, R>;
  // Tests run the definition with a request of their own (executeAction).
  return Object.assign(action, { definition });
}
