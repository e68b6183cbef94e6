import { z } from 'zod';
import type { OAuthProvider } from './constants';
import { ConfigError, envString, parseEnv } from './env-schema';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const serverEnvSchema = z.object({
  NODE_ENV: envString('development').pipe(z.enum(['development', 'production', 'test'])),
  DATABASE_URL: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .pipe(z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }))
    .describe(
      'leave it unset to use the embedded PostgreSQL started by `npm run dev` / `npm start`, or set postgres://user:password@host:5432/database.',
    ),
  APP_SECRET: z
    .string({ error: 'is required' })
    .min(32, 'must be at least 32 characters long')
    .describe('generate one with `openssl rand -base64 32` and keep it secret (local runs create one in .data/).'),
  LOG_LEVEL: envString('info')
    .pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }))
    .describe('"info" is a good default; "debug" for more detail.'),
  TRUST_PROXY: envString('false')
    .transform((value, ctx) => {
      const normalised = value.toLowerCase();
      if (['false', '0', 'no', 'off'].includes(normalised)) return 0;
      if (['true', 'yes', 'on'].includes(normalised)) return 1;
      const hops = Number(normalised);
      if (Number.isInteger(hops) && hops >= 0 && hops <= 10) return hops;
      ctx.addIssue({ code: 'custom', message: 'must be "false", "true" or the number of proxies in front of the app (1-10)' });
      return z.NEVER;
    })
    .describe('"true" (or the number of proxies, e.g. 2 for a CDN in front of a load balancer) behind proxies that add X-Forwarded-For; "false" otherwise.'),
  EMAIL_TRANSPORT: envString('')
    .pipe(z.enum(['', 'smtp', 'mailbox'], { error: 'must be "smtp" or "mailbox"' }))
    .describe('"smtp" (needs SMTP_URL) or "mailbox" (store emails in the database; local runs only). Default: smtp when SMTP_URL is set.'),
  SMTP_URL: envString('')
    .pipe(z.union([z.literal(''), z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })]))
    .describe('smtp://user:password@smtp.example.com:587 (smtps:// for TLS on connect); empty stores emails in the dev mailbox.'),
  EMAIL_FROM: envString('')
    .pipe(z.union([z.literal(''), z.string().regex(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'must be an address, optionally with a name: "Acme <hello@acme.com>"')]))
    .describe('the sender of every email, e.g. "Acme <hello@acme.com>" (default: the site name at no-reply@localhost).'),
  GITHUB_CLIENT_ID: envString('').describe('the Client ID of your GitHub OAuth app (needed when NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS lists github).'),
  GITHUB_CLIENT_SECRET: envString('').describe('the client secret of that GitHub OAuth app.'),
  GOOGLE_CLIENT_ID: envString('').describe('the OAuth client ID from the Google Cloud console (needed when the list has google).'),
  GOOGLE_CLIENT_SECRET: envString('').describe('the client secret of that Google OAuth client.'),
  OIDC_ISSUER_URL: envString('')
    .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })]))
    .describe('the issuer of any OpenID Connect provider (Okta, Auth0, Keycloak, Entra…), e.g. https://id.example.com; /.well-known/openid-configuration is read from it.'),
  OIDC_CLIENT_ID: envString('').describe('the client id registered at that OpenID Connect provider.'),
  OIDC_CLIENT_SECRET: envString('').describe('the client secret registered at that OpenID Connect provider.'),
  STORAGE_DIR: envString('.data/uploads').describe(
    'the folder where uploaded files (avatars) are kept, absolute or relative to the app, e.g. /var/lib/keel/uploads; it must survive deploys.',
  ),
  DATABASE_POOL_MAX: envString('10')
    .pipe(z.coerce.number<string>().int().min(1).max(200))
    .describe('the largest number of PostgreSQL connections one app instance opens, e.g. 10.'),
});

export type ServerConfig = ReturnType<typeof readServerConfig>;

type ParsedServerEnv = z.output<typeof serverEnvSchema>;

/** Credentials of the OAuth providers switched on in NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS; each must be complete. */
function readOAuthProviders(parsed: ParsedServerEnv, enabled: readonly OAuthProvider[]) {
  const needed: Record<OAuthProvider, (keyof ParsedServerEnv)[]> = {
    github: ['GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET'],
    google: ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'],
    oidc: ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'],
  };
  const missing = enabled.flatMap((provider) =>
    needed[provider]
      .filter((name) => !parsed[name])
      .map((name) => `${name} is required because NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS lists "${provider}". Fix: set it, or remove "${provider}" from the list (see docs/auth/oauth-providers.md).`),
  );
  if (missing.length > 0) throw new ConfigError(missing);
  return {
    github: enabled.includes('github') ? { clientId: parsed.GITHUB_CLIENT_ID, clientSecret: parsed.GITHUB_CLIENT_SECRET } : null,
    google: enabled.includes('google') ? { clientId: parsed.GOOGLE_CLIENT_ID, clientSecret: parsed.GOOGLE_CLIENT_SECRET } : null,
    oidc: enabled.includes('oidc')
      ? { issuerUrl: parsed.OIDC_ISSUER_URL.replace(/\/+$/, ''), clientId: parsed.OIDC_CLIENT_ID, clientSecret: parsed.OIDC_CLIENT_SECRET }
      : null,
  };
}

/** `enabledProviders`: the OAuth providers of the public configuration (appConfig.auth.oauthProviders). */
export function readServerConfig(env: Record<string, string | undefined>, enabledProviders: readonly OAuthProvider[] = []) {
  const parsed = parseEnv(serverEnvSchema, env, ['APP_SECRET', 'DATABASE_URL', 'SMTP_URL', 'GITHUB_CLIENT_SECRET', 'GOOGLE_CLIENT_SECRET', 'OIDC_CLIENT_SECRET']);
  const oauth = readOAuthProviders(parsed, enabledProviders);
  const transport = parsed.EMAIL_TRANSPORT || (parsed.SMTP_URL ? 'smtp' : parsed.NODE_ENV === 'production' ? null : 'mailbox');
  if (!transport || (transport === 'smtp' && !parsed.SMTP_URL)) {
    // In production, emails (verification, password reset) must really leave.
    throw new ConfigError([
      'SMTP_URL is required in production (it is not set). Fix: smtp://user:password@smtp.example.com:587 — or EMAIL_TRANSPORT=mailbox to keep emails in the database on a machine that is not public (npm start on the embedded database does this for you).',
    ]);
  }
  return {
    environment: parsed.NODE_ENV,
    isProduction: parsed.NODE_ENV === 'production',
    databaseUrl: parsed.DATABASE_URL,
    databasePoolMax: parsed.DATABASE_POOL_MAX,
    appSecret: parsed.APP_SECRET,
    logLevel: parsed.LOG_LEVEL,
    /** How many proxies in front of the app add to X-Forwarded-For (0: none trusted). */
    trustedProxies: parsed.TRUST_PROXY,
    oauth,
    /** Where the local-disk storage adapter keeps uploads (src/platform/storage). */
    storage: { dir: parsed.STORAGE_DIR },
    email: {
      transport,
      smtpUrl: parsed.SMTP_URL || null,
      from: parsed.EMAIL_FROM || null,
    },
  };
}
