'use client';

import { useCallback, useState, useTransition } from 'react';
import { CSRF_FIELD } from '../csrf';
import type { Action, ActionInput } from '../action';
import type { ActionResult } from '../errors';
import { useCsrfToken } from './csrf-token-provider';

/**
 * Calls a server action from code (a button, an optimistic update) with the
 * CSRF token added. `run` resolves to the action's result; `pending` and the
 * last `result` are there for rendering.
 */
export function useAction<I extends object, R>(action: Action<I, R>) {
  const token = useCsrfToken();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<R> | null>(null);

  const run = useCallback(
    (input: I) =>
      new Promise<ActionResult<R>>((resolve) => {
        startTransition(async () => {
          const outcome = await action({ ...input, [CSRF_FIELD]: token ?? undefined } as ActionInput<I>);
          setResult(outcome);
          resolve(outcome);
        });
      }),
    [action, token],
  );

  return { run, pending, result };
}
