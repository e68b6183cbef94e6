import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestContext } from './request-context';

/** What code deep below an action or route may learn of the request it serves, without it being passed down. */
export type RequestFacts = Pick<RequestContext, 'requestId' | 'ip'>;

const scope = new AsyncLocalStorage<RequestFacts>();

/**
 * Runs an action's or route's handler with the request's id and client address within reach of
 * `currentRequest()` (the audit log records them with each event: src/features/audit).
 */
export function runInRequest<T>(context: RequestFacts, work: () => Promise<T>): Promise<T> {
  return scope.run({ requestId: context.requestId, ip: context.ip }, work);
}

/** The request being served (its id and client address), or null outside one (a job, a script). */
export function currentRequest(): RequestFacts | null {
  return scope.getStore() ?? null;
}
