import { unstable_rethrow } from 'next/navigation';
import type { ActionResult, ErrorEnvelope } from '../errors';

/**
 * What a server action call resolves to when it did not get an answer from the
 * action itself: the request was refused before reaching it (our server's 413
 * for a body over the limit, whose envelope Next.js hands over as the error's
 * message), the network failed, or the server crashed. The caller shows it
 * like any refusal instead of the page falling into its error boundary.
 * Redirects and notFound() keep their meaning.
 */
export function actionFailure(error: unknown, unavailableMessage: string): ActionResult<never> {
  unstable_rethrow(error);
  const envelope = envelopeIn(error);
  if (envelope) return { ok: false, error: envelope.error };
  return { ok: false, error: { code: 'SERVICE_UNAVAILABLE', status: 503, message: unavailableMessage, requestId: '' } };
}

function envelopeIn(error: unknown): ErrorEnvelope | null {
  if (!(error instanceof Error) || !error.message.startsWith('{')) return null;
  try {
    const parsed = JSON.parse(error.message) as Partial<ErrorEnvelope>;
    return parsed.error && typeof parsed.error.code === 'string' && typeof parsed.error.message === 'string'
      ? (parsed as ErrorEnvelope)
      : null;
  } catch {
    return null;
  }
}

/** The action, resolving to `actionFailure(…)` where it would have thrown. */
export function withActionFailure<P, R>(
  action: (previous: P, input: FormData) => Promise<ActionResult<R>>,
  unavailableMessage: string,
) {
  return async (previous: P, input: FormData): Promise<ActionResult<R>> => {
    try {
      return await action(previous, input);
    } catch (error) {
      return actionFailure(error, unavailableMessage);
    }
  };
}
