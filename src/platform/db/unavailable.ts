import { DrizzleQueryError } from 'drizzle-orm';

/**
 * Whether `error` means PostgreSQL cannot be reached right now (restarting,
 * failing over, a network cut), as opposed to a bug or a refused query: the
 * request then answers 503 SERVICE_UNAVAILABLE with Retry-After instead of a
 * 500, and the log says what happened without a stack trace. Drizzle wraps
 * the driver's error, so the whole `cause` chain is looked at.
 *
 * A network error code (ECONNRESET…) says nothing about where it came from:
 * S3, an OAuth provider or any fetch raise the same ones. It counts only when
 * the database raised it: inside a Drizzle query error, or from our pool's
 * `connect` (marked by `markFromDatabase`, src/platform/db/client.ts).
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/**
 * SQLSTATE: the server is shutting down, crashed, or still starting. Class 08 (connection exceptions) is checked as a
 * prefix.
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03']);
/**
 * What `pg` says when a connection dies or cannot be made in time (which is also
 * what a full pool says after `connectionTimeoutMillis`); it sets no code for these.
 */
const DRIVER_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/, /not queryable/];

/**
 * Next.js may bundle this module and drizzle-orm more than once (one copy per server layer: a route handler
 * and better-auth's session read can use different copies), so neither a module-level set nor `instanceof`
 * would see an error raised in another copy: the mark is a global symbol on the error, and Drizzle's query
 * error is also recognised by its shape.
 */
const FROM_DATABASE = Symbol.for('keel.fromDatabase');

/** Records that `error` was raised by the database pool (so a bare network code in it means the database). */
export function markFromDatabase<T>(error: T): T {
  if (error instanceof Error) Object.defineProperty(error, FROM_DATABASE, { value: true });
  return error;
}

function isDrizzleQueryError(error: Error): boolean {
  if (error instanceof DrizzleQueryError) return true;
  const { query, params } = error as { query?: unknown; params?: unknown };
  return typeof query === 'string' && Array.isArray(params) && error.message.startsWith('Failed query:');
}

export function isDatabaseUnavailable(error: unknown): boolean {
  let database = false;
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    database ||= isDrizzleQueryError(current) || FROM_DATABASE in current;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (SERVER_CODES.has(code) || code.startsWith('08'))) return true;
    if (database && typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (DRIVER_MESSAGES.some((pattern) => pattern.test(current instanceof Error ? current.message : ''))) return true;
  }
  return false;
}
