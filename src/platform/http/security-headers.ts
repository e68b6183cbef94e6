/**
 * The Content-Security-Policy of every HTML page. Scripts run only from our
 * origin with this request's nonce ('strict-dynamic' lets those scripts load
 * the chunks they need); no inline script without the nonce, no eval outside
 * development (React uses it there for debugging), no plugins, no framing, no
 * <base> tag. Styles allow inline attributes, which UI libraries set.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: {
    development: boolean;
    httpsOnly: boolean;
    /** Other origins a form may lead to (OAuth sign-in posts, then is redirected to the provider). */
    formActionOrigins?: readonly string[];
  },
) {
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? ` 'unsafe-eval'` : ''}`,
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
