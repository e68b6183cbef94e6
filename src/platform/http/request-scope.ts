import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestContext } from './request-context';

/** What code deep below an action or route may learn of the request it serves, without it being passed down. */
export type RequestFacts = Pick<RequestContext, 'requestId' | 'ip'> & {
  /** The super admin acting as the signed-in user, when the request comes in a session they opened as them. */
  impersonatorUserId?: string | null;
};

const scope = new AsyncLocalStorage<RequestFacts>();

/**
 * Runs an action's or route's guards and handler with the request's id and client address within reach of
 * `currentRequest()` (the audit log records them with each event: src/features/audit).
 */
export function runInRequest<T>(context: RequestFacts, work: () => Promise<T>): Promise<T> {
  return scope.run({ requestId: context.requestId, ip: context.ip }, work);
}

/**
 * Notes that the request is served in a session a super admin opened as the user (the auth feature calls it when
 * it reads such a session): every audit event the request records then names them, without each caller passing it.
 */
export function noteImpersonator(impersonatorUserId: string): void {
  const facts = scope.getStore();
  if (facts) facts.impersonatorUserId = impersonatorUserId;
}

/** The request being served (its id and client address), or null outside one (a job, a script). */
export function currentRequest(): RequestFacts | null {
  return scope.getStore() ?? null;
}
