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

const fromDatabase = new WeakSet<object>();

/** Records that `error` was raised by the database pool (so a bare network code in it means the database). */
export function markFromDatabase<T>(error: T): T {
  if (error instanceof Error) fromDatabase.add(error);
  return error;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  let database = false;
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    database ||= current instanceof DrizzleQueryError || fromDatabase.has(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (SERVER_CODES.has(code) || code.startsWith('08'))) return true;
    if (database && typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (DRIVER_MESSAGES.some((pattern) => pattern.test(current instanceof Error ? current.message : ''))) return true;
  }
  return false;
}
