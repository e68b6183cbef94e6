import { createHash } from 'node:crypto';

/** A CSP hash source for an inline script's exact text: `'sha256-…'`. */
export function scriptHashSource(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/**
 * Which scripts a page may run:
 * - a page rendered per request carries a fresh `nonce` on each of its scripts;
 *   'strict-dynamic' lets those scripts load the chunks they need (hash sources
 *   allow inline scripts rendered without the nonce, e.g. the theme boot script
 *   of the public root layout on a public page that renders per request);
 * - a prerendered page cannot carry a per-request nonce: it lists the hashes of
 *   its inline scripts (computed at build: decision 0049) and loads chunks from
 *   'self'.
 */
export type ScriptSources =
  { nonce: string; hashes?: readonly string[] } | { nonce?: undefined; hashes: readonly string[] };

/**
 * The Content-Security-Policy of every HTML page. Scripts run only from our
 * origin, inline ones only with this request's nonce or their own hash; no
 * eval outside development (React uses it there for debugging), no plugins,
 * no framing, no <base> tag. Styles allow inline attributes, which UI
 * libraries set.
 */
export function contentSecurityPolicy(
  scripts: ScriptSources,
  options: {
    development: boolean;
    httpsOnly: boolean;
    /** Other origins a form may lead to (OAuth sign-in posts, then is redirected to the provider). */
    formActionOrigins?: readonly string[];
  },
) {
  const directives = [
    `default-src 'self'`,
    [
      `script-src 'self'`,
      ...(scripts.nonce ? [`'nonce-${scripts.nonce}'`] : []),
      ...(scripts.hashes ?? []),
      ...(scripts.nonce ? [`'strict-dynamic'`] : []),
      ...(options.development ? [`'unsafe-eval'`] : []),
    ].join(' '),
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' blob: data:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'${(options.formActionOrigins ?? []).map((origin) => ` ${origin}`).join('')}`,
    `frame-ancestors 'none'`,
    ...(options.httpsOnly ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Headers for every response, static files included (set in next.config.ts). */
export function staticSecurityHeaders(production: boolean) {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
    ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
  ];
}
