import 'server-only';
import type { RequestContext } from '@/platform/http/request-context';

/**
 * The header through which better-auth learns the client address (for session
 * records and its own rate limits). Keel sets it from the address it computed
 * under the TRUST_PROXY rules and removes any value a client sent.
 */
export const CLIENT_IP_HEADER = 'x-keel-client-ip';

/** The request's headers as better-auth should see them. */
export function authHeaders(context: Pick<RequestContext, 'headers' | 'ip'>): Headers {
  const headers = new Headers(context.headers);
  headers.delete(CLIENT_IP_HEADER);
  if (context.ip) headers.set(CLIENT_IP_HEADER, context.ip);
  return headers;
}
