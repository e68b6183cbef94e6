/**
 * Whether `error` means PostgreSQL cannot be reached right now (restarting,
 * failing over, a network cut), as opposed to a bug or a refused query: the
 * request then answers 503 SERVICE_UNAVAILABLE with Retry-After instead of a
 * 500, and the log says what happened without a stack trace. Drizzle wraps
 * the driver's error, so the whole `cause` chain is looked at.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** SQLSTATE: the server is shutting down, crashed, or still starting. Class 08 (connection exceptions) is checked as a prefix. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03']);
/**
 * What `pg` says when a connection dies or cannot be made in time (which is also
 * what a full pool says after `connectionTimeoutMillis`); it sets no code for these.
 */
const DRIVER_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/, /not queryable/];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true;
    if (DRIVER_MESSAGES.some((pattern) => pattern.test(current instanceof Error ? current.message : ''))) return true;
  }
  return false;
}
