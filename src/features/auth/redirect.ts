/**
 * Where to send a user after signing in: `next` when it is a path of this
 * site, otherwise the dashboard. Only plain relative paths pass: anything that
 * a browser could read as another host — `//evil.com`, `/\evil.com`,
 * `https://…`, `javascript:…`, or those hidden behind percent-encoding,
 * control characters or backslashes — is refused.
 */
export function safeRedirectPath(next: unknown, fallback = '/dashboard'): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return fallback;
  let decoded = next;
  // Decode repeatedly: "%252F%252Fevil.com" must be judged as "//evil.com".
  for (let round = 0; round < 3; round += 1) {
    try {
      const once = decodeURIComponent(decoded);
      if (once === decoded) break;
      decoded = once;
    } catch {
      return fallback;
    }
  }
  for (const candidate of [next, decoded]) {
    if (!candidate.startsWith('/')) return fallback;
    if (candidate.startsWith('//') || candidate.startsWith('/\\')) return fallback;
    // Backslashes and control characters are treated by browsers as slashes or dropped.
    if (/[\\\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  }
  // The URL parser has the last word: the path must stay on our origin.
  const base = 'http://keel.invalid';
  const resolved = new URL(next, base);
  if (resolved.origin !== base) return fallback;
  // Dot segments can resolve to a path starting with "//" ("/..//evil.com"), which a browser reads as another host.
  if (resolved.pathname.startsWith('//')) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
