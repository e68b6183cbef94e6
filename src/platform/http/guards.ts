import type { RequestContext } from './request-context';

/**
 * A guard decides whether a request may proceed and may add to the context
 * what it established (the signed-in user, the membership…). It throws an
 * AppError ("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND") to refuse.
 *
 * Guards run after CSRF verification, input validation and rate limiting, in
 * the order given, and see the validated input (and route params for API
 * routes). Later capabilities add guards such as signed-in user, organization
 * membership with a minimum role, and super admin.
 */
export type Guard<Input = unknown, Added extends object = object> = (
  context: RequestContext & { input: Input; params: Record<string, string | string[]> },
) => Promise<Added>;

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void
  ? I
  : never;

/** The context additions of a list of guards, merged. */
export type GuardsOutput<G extends readonly Guard<never, object>[]> = [G[number]] extends [never]
  ? object
  : UnionToIntersection<Awaited<ReturnType<G[number]>>>;

export async function runGuards(
  guards: readonly Guard<never, object>[],
  context: RequestContext & { input: unknown; params: Record<string, string | string[]> },
): Promise<object> {
  let added: object = {};
  for (const guard of guards) {
    const result = await (guard as Guard<unknown, object>)({ ...context, ...added });
    added = { ...added, ...result };
  }
  return added;
}
