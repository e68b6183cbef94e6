const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether PostgreSQL reads `value` as a uuid (the hyphenated form it writes, any case):
 * checked before a query, so that a malformed id is the caller's mistake, not a server error.
 */
export function isUuid(value: string): boolean {
  return UUID_TEXT.test(value);
}
