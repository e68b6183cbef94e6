import type { IncomingHttpHeaders } from 'node:http';

/**
 * The forwarding headers a request may carry into the app, rewritten by our
 * HTTP server (scripts/serve.ts) before Next.js sees them, so that `clientIp()`
 * and everything else reads addresses it can believe:
 *
 * - no trusted proxy (TRUST_PROXY unset): whatever the client wrote is dropped;
 *   X-Forwarded-For and X-Real-IP become the socket's address, the scheme
 *   comes from the socket, and the host from the Host header;
 * - N trusted proxies: X-Forwarded-For keeps exactly the last N entries (those
 *   the proxies appended, the first of them being the client); anything the
 *   client wrote further left is dropped. The proxies' X-Forwarded-Host/Proto
 *   and X-Real-IP are kept. A request with no such header came from beside the
 *   proxies, and gets the socket's address.
 *
 * The socket's address is not appended after the kept hops: then the client
 * is the entry N places from the end whether or not this server is in front
 * (a platform such as Vercel writes the header itself), and one rule in
 * `clientIp()` serves both (decision 0020).
 */
export function rewriteForwardingHeaders(
  headers: IncomingHttpHeaders,
  socket: { remoteAddress?: string; encrypted?: boolean },
  trustedProxies: number,
): void {
  const socketAddress = normaliseAddress(socket.remoteAddress ?? '');
  const forwarded = listHeader(headers['x-forwarded-for']);

  if (trustedProxies > 0 && forwarded.length > 0) {
    headers['x-forwarded-for'] = forwarded.slice(-trustedProxies).join(', ');
    return;
  }
  if (socketAddress) headers['x-forwarded-for'] = socketAddress;
  else delete headers['x-forwarded-for'];
  if (socketAddress) headers['x-real-ip'] = socketAddress;
  else delete headers['x-real-ip'];
  headers['x-forwarded-proto'] = socket.encrypted ? 'https' : 'http';
  // Next.js fills these from the Host header and its own port when they are absent.
  delete headers['x-forwarded-host'];
  delete headers['x-forwarded-port'];
  delete headers.forwarded;
}

function listHeader(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value.join(',') : (value ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** "::ffff:203.0.113.7" (an IPv4 client on a dual-stack socket) → "203.0.113.7". */
function normaliseAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/**
 * Loopback or private (10/8, 172.16/12, 192.168/16, 127/8, ::1, fc00::/7): an
 * address a proxy in front of the app usually has, and a client on the
 * internet does not.
 */
export function isPrivateAddress(address: string): boolean {
  const ip = normaliseAddress(address).toLowerCase();
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(ip);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  return ip === '::1' || /^f[cd][0-9a-f]{0,2}:/.test(ip);
}
