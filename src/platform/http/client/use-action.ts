'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useState, useTransition } from 'react';
import { CSRF_FIELD } from '../csrf';
import type { Action, ActionInput } from '../action';
import type { ActionResult } from '../errors';
import { actionFailure } from './action-failure';
import { useCsrfToken } from './csrf-token-provider';

/**
 * Calls a server action from code (a button, an optimistic update) with the
 * CSRF token added. `run` resolves to the action's result; `pending` and the
 * last `result` are there for rendering. A call the action never answered (a
 * body over the size limit, the network down) resolves to a refusal too.
 */
export function useAction<I extends object, R>(action: Action<I, R>) {
  const token = useCsrfToken();
  const t = useTranslations('errors');
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<R> | null>(null);

  const run = useCallback(
    (input: I) =>
      new Promise<ActionResult<R>>((resolve) => {
        startTransition(async () => {
          const outcome = await action({ ...input, [CSRF_FIELD]: token ?? undefined } as ActionInput<I>).catch(
            (error: unknown) => actionFailure(error, t('SERVICE_UNAVAILABLE')),
          );
          setResult(outcome);
          resolve(outcome);
        });
      }),
    [action, token, t],
  );

  return { run, pending, result };
}
