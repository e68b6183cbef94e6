import { z } from 'zod';
import { resolveProviderPriceIds, type BillingConfig } from './billing-config-schema';
import { BILLING_PROVIDERS, type OAuthProvider } from './constants';
import { ConfigError, envBoolean, envString, parseEnv } from './env-schema';

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
      ctx.addIssue({
        code: 'custom',
        message: 'must be "false", "true" or the number of proxies in front of the app (1-10)',
      });
      return z.NEVER;
    })
    .describe(
      '"true" (or the number of proxies, e.g. 2 for a CDN in front of a load balancer) behind proxies that add X-Forwarded-For; "false" otherwise.',
    ),
  SHUTDOWN_GRACE_SECONDS: envString('20')
    .pipe(
      z.coerce
        .number<string>({ error: 'must be a number of seconds' })
        .int('must be a whole number of seconds')
        .min(1, 'must be at least 1')
        .max(600, 'must be at most 600'),
    )
    .describe(
      "how long requests in flight may take to finish after SIGTERM before the server closes them, e.g. 20 (keep it below your platform's kill timeout).",
    ),
  EMAIL_TRANSPORT: envString('')
    .pipe(z.enum(['', 'smtp', 'mailbox'], { error: 'must be "smtp" or "mailbox"' }))
    .describe(
      '"smtp" (needs SMTP_URL) or "mailbox" (store emails in the database; local runs only). Default: smtp when SMTP_URL is set.',
    ),
  SMTP_URL: envString('')
    .pipe(z.union([z.literal(''), z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })]))
    .describe(
      'smtp://user:password@smtp.example.com:587 (smtps:// for TLS on connect); empty stores emails in the dev mailbox.',
    ),
  EMAIL_FROM: envString('')
    .pipe(
      z.union([
        z.literal(''),
        z
          .string()
          .regex(
            /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
            'must be an address, optionally with a name: "Acme <hello@acme.com>"',
          ),
      ]),
    )
    .describe(
      'the sender of every email, e.g. "Acme <hello@acme.com>" (default: the site name at no-reply@localhost).',
    ),
  GITHUB_CLIENT_ID: envString('').describe(
    'the Client ID of your GitHub OAuth app (needed when NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS lists github).',
  ),
  GITHUB_CLIENT_SECRET: envString('').describe('the client secret of that GitHub OAuth app.'),
  GOOGLE_CLIENT_ID: envString('').describe(
    'the OAuth client ID from the Google Cloud console (needed when the list has google).',
  ),
  GOOGLE_CLIENT_SECRET: envString('').describe('the client secret of that Google OAuth client.'),
  OIDC_ISSUER_URL: envString('')
    .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })]))
    .describe(
      'the issuer of any OpenID Connect provider (Okta, Auth0, Keycloak, Entra…), e.g. https://id.example.com; /.well-known/openid-configuration is read from it.',
    ),
  OIDC_CLIENT_ID: envString('').describe('the client id registered at that OpenID Connect provider.'),
  OIDC_CLIENT_SECRET: envString('').describe('the client secret registered at that OpenID Connect provider.'),
  STORAGE_DRIVER: envString('local')
    .pipe(z.enum(['local', 's3'], { error: 'must be "local" or "s3"' }))
    .describe(
      '"local" (files in STORAGE_DIR) or "s3" (an S3-compatible bucket: AWS S3, Cloudflare R2, MinIO, DigitalOcean Spaces…; see docs/operations/file-storage.md).',
    ),
  STORAGE_DIR: envString('.data/uploads').describe(
    'the folder where uploaded files (avatars, organization logos) are kept, absolute or relative to the app, e.g. /var/lib/keel/uploads; it must survive deploys.',
  ),
  S3_BUCKET: envString('')
    .pipe(
      z.union([
        z.literal(''),
        z
          .string()
          .regex(
            /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
            'must be a bucket name: 3 to 63 lower-case letters, digits, dots and dashes',
          ),
      ]),
    )
    .describe('the name of the bucket, e.g. keel-uploads.'),
  S3_REGION: envString('')
    .pipe(z.union([z.literal(''), z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a region name such as eu-west-1')]))
    .describe(
      'the bucket\'s region: e.g. eu-west-1 on AWS, "auto" on Cloudflare R2, "us-east-1" on MinIO, "fra1" on DigitalOcean Spaces.',
    ),
  S3_ENDPOINT: envString('')
    .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })]))
    .describe(
      'empty for AWS S3; for an S3-compatible service its API address, e.g. https://<account-id>.r2.cloudflarestorage.com, https://fra1.digitaloceanspaces.com or http://localhost:9000 (MinIO).',
    ),
  S3_ACCESS_KEY_ID: envString('').describe(
    "the access key id of a key allowed to read, write and delete in the bucket (empty on AWS to use the machine's role or the AWS_* variables).",
  ),
  S3_SECRET_ACCESS_KEY: envString('').describe('the secret of that access key.'),
  S3_PREFIX: envString('')
    .transform((value) => value.replace(/^\/+|\/+$/g, ''))
    .pipe(
      z.union([
        z.literal(''),
        z
          .string()
          .max(100)
          .regex(
            /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/,
            'must be folder names separated by slashes, e.g. keel/production',
          ),
      ]),
    )
    .describe("a folder inside the bucket for this app's files, e.g. keel/production (empty: the bucket's root)."),
  JOBS_IN_PROCESS: envBoolean(true).describe(
    '"true" runs background jobs (webhook deliveries, billing emails) inside the app; "false" when separate `npm run worker` processes run them (docs/billing/job-queue.md).',
  ),
  JOBS_CONCURRENCY: envString('2')
    .pipe(
      z.coerce
        .number<string>({ error: 'must be a number' })
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(50, 'must be at most 50'),
    )
    .describe('how many jobs one process runs at once, e.g. 2.'),
  JOBS_SCHEDULES: envBoolean(true).describe(
    '"false" stops this process queueing scheduled jobs (the hourly billing reconciliation): e.g. a test harness.',
  ),
  BILLING_LOCAL_GATEWAY_IN_PRODUCTION: envBoolean(false).describe(
    '"true" lets the built-in local payment gateway (test mode: no money moves) run in production, e.g. for a demo; it is then labelled on every billing page (decision 0034).',
  ),
  BILLING_LOCAL_CLOCK_IN_PRODUCTION: envBoolean(false).describe(
    '"true" keeps the local gateway\'s test clock (it moves subscriptions to their next renewal, charge or end) in production when BILLING_LOCAL_GATEWAY_IN_PRODUCTION is on, e.g. for end-to-end tests of a production build.',
  ),
  BILLING_LOCAL_WEBHOOK_URL: envString('')
    .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })]))
    .describe(
      'where the local gateway posts its webhooks (default: NEXT_PUBLIC_SITE_URL + /api/billing/webhooks/local), e.g. http://127.0.0.1:3000/api/billing/webhooks/local.',
    ),
  BILLING_PROVIDER: envString('local')
    .pipe(z.enum(BILLING_PROVIDERS, { error: `must be one of ${BILLING_PROVIDERS.join(', ')}` }))
    .describe(
      'who takes the money: "stripe", "lemon-squeezy", or "local" (the built-in test gateway, no account needed; docs/billing/).',
    ),
  STRIPE_SECRET_KEY: envString('').describe(
    "your Stripe secret (sk_live_…, sk_test_…) or restricted (rk_…) key, from the Dashboard's Developers → API keys (docs/billing/stripe.md).",
  ),
  STRIPE_WEBHOOK_SECRET: envString('').describe(
    "the signing secret (whsec_…) of your webhook endpoint, from the Dashboard's webhook page or `stripe listen` (docs/billing/stripe.md).",
  ),
  STRIPE_API_URL: envString('')
    .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })]))
    .describe("leave unset (Stripe's API); tests set a local mock of it, e.g. http://127.0.0.1:12111."),
  LEMON_SQUEEZY_API_KEY: envString('').describe(
    'an API key from Settings → API in Lemon Squeezy (test-mode keys for test mode; docs/billing/lemon-squeezy.md).',
  ),
  LEMON_SQUEEZY_STORE_ID: envString('')
    .pipe(z.union([z.literal(''), z.string().regex(/^[0-9]+$/, 'must be the number of your store, e.g. 12345')]))
    .describe('the number of your store, from Settings → Stores in Lemon Squeezy, e.g. 12345.'),
  LEMON_SQUEEZY_WEBHOOK_SECRET: envString('')
    .pipe(
      z.union([z.literal(''), z.string().min(6, 'must be 6 to 40 characters').max(40, 'must be 6 to 40 characters')]),
    )
    .describe("the signing secret you typed when creating the store's webhook (6 to 40 characters)."),
  LEMON_SQUEEZY_API_URL: envString('')
    .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })]))
    .describe("leave unset (Lemon Squeezy's API); tests set a local mock of it, e.g. http://127.0.0.1:12112."),
  SUPER_ADMIN_EMAILS: envString('')
    .transform((value) =>
      value
        .split(',')
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.email({ error: 'must be email addresses separated by commas' })))
    .describe(
      'addresses of super admins, separated by commas, e.g. ops@acme.com,cto@acme.com (their accounts must have confirmed the address; `npm run admin:grant` is the other way, docs/admin/super-admin.md).',
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
      .map(
        (name) =>
          `${name} is required because NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS lists "${provider}". Fix: set it, or remove "${provider}" from the list (see docs/auth/oauth-providers.md).`,
      ),
  );
  if (missing.length > 0) throw new ConfigError(missing);
  return {
    github: enabled.includes('github')
      ? { clientId: parsed.GITHUB_CLIENT_ID, clientSecret: parsed.GITHUB_CLIENT_SECRET }
      : null,
    google: enabled.includes('google')
      ? { clientId: parsed.GOOGLE_CLIENT_ID, clientSecret: parsed.GOOGLE_CLIENT_SECRET }
      : null,
    oidc: enabled.includes('oidc')
      ? {
          issuerUrl: parsed.OIDC_ISSUER_URL.replace(/\/+$/, ''),
          clientId: parsed.OIDC_CLIENT_ID,
          clientSecret: parsed.OIDC_CLIENT_SECRET,
        }
      : null,
  };
}

/**
 * Where uploads are kept (src/platform/storage): a folder, or an S3-compatible bucket whose settings must be complete.
 */
function readStorage(parsed: ParsedServerEnv) {
  if (parsed.STORAGE_DRIVER === 'local') return { driver: 'local' as const, dir: parsed.STORAGE_DIR, s3: null };
  const because = 'because STORAGE_DRIVER is "s3"';
  const problems: string[] = [];
  if (!parsed.S3_BUCKET)
    problems.push(
      `S3_BUCKET is required ${because}. Fix: set it to the bucket's name, or STORAGE_DRIVER=local (see docs/operations/file-storage.md).`,
    );
  if (!parsed.S3_REGION) {
    problems.push(
      `S3_REGION is required ${because}. Fix: the bucket's region, e.g. eu-west-1 (AWS), auto (Cloudflare R2), us-east-1 (MinIO).`,
    );
  }
  if (Boolean(parsed.S3_ACCESS_KEY_ID) !== Boolean(parsed.S3_SECRET_ACCESS_KEY)) {
    const [set, unset] = parsed.S3_ACCESS_KEY_ID
      ? ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']
      : ['S3_SECRET_ACCESS_KEY', 'S3_ACCESS_KEY_ID'];
    problems.push(
      `${unset} is required because ${set} is set. Fix: set both (an access key and its secret), or neither to use the machine's AWS role.`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    driver: 's3' as const,
    dir: parsed.STORAGE_DIR,
    s3: {
      bucket: parsed.S3_BUCKET,
      region: parsed.S3_REGION,
      /** Null for AWS itself; S3-compatible services are addressed path-style at this URL. */
      endpoint: parsed.S3_ENDPOINT || null,
      /** Null: the AWS SDK's default credentials (the machine's role, AWS_* variables). */
      credentials: parsed.S3_ACCESS_KEY_ID
        ? { accessKeyId: parsed.S3_ACCESS_KEY_ID, secretAccessKey: parsed.S3_SECRET_ACCESS_KEY }
        : null,
      prefix: parsed.S3_PREFIX,
    },
  };
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * The payment provider and its credentials, complete or not at all (docs/billing/). With a catalogue, every
 * line item's price id is read too (the variables its plans name): a missing one stops the start.
 */
function readPaymentProvider(
  parsed: ParsedServerEnv,
  env: Record<string, string | undefined>,
  catalogue: BillingConfig | undefined,
) {
  const provider = parsed.BILLING_PROVIDER;
  const because = `because BILLING_PROVIDER is "${provider}"`;
  const problems: string[] = [];
  const required = (name: keyof ParsedServerEnv, fix: string) => {
    if (!parsed[name]) problems.push(`${name} is required ${because}. Fix: ${fix}`);
  };
  if (provider === 'stripe') {
    required('STRIPE_SECRET_KEY', "your secret key (sk_…) from Stripe's Dashboard, Developers → API keys.");
    required('STRIPE_WEBHOOK_SECRET', "your webhook endpoint's signing secret (whsec_…): docs/billing/stripe.md.");
    if (parsed.STRIPE_SECRET_KEY && !/^(sk|rk)_(test|live)_/.test(parsed.STRIPE_SECRET_KEY))
      problems.push(
        'STRIPE_SECRET_KEY must be a secret or restricted key (sk_test_…, sk_live_…, rk_…), not a publishable one.',
      );
    if (parsed.STRIPE_WEBHOOK_SECRET && !parsed.STRIPE_WEBHOOK_SECRET.startsWith('whsec_'))
      problems.push('STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…).');
  }
  if (provider === 'lemon-squeezy') {
    required('LEMON_SQUEEZY_API_KEY', 'an API key from Settings → API in Lemon Squeezy.');
    required('LEMON_SQUEEZY_STORE_ID', 'the number of your store (Settings → Stores).');
    required(
      'LEMON_SQUEEZY_WEBHOOK_SECRET',
      "the signing secret of your store's webhook: docs/billing/lemon-squeezy.md.",
    );
  }
  // A mock's URL for tests: in production the secret key would go to that host, so only a loopback one
  // (a production build under test against a local mock) is accepted.
  for (const name of ['STRIPE_API_URL', 'LEMON_SQUEEZY_API_URL'] as const) {
    const url = parsed[name];
    if (url && parsed.NODE_ENV === 'production' && !LOOPBACK.has(new URL(url).hostname))
      problems.push(`${name} is for tests only: in production it may name a loopback host only. Fix: unset it.`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const prices = provider !== 'local' && catalogue ? resolveProviderPriceIds(catalogue, provider, env) : null;
  return {
    provider,
    stripe:
      provider === 'stripe'
        ? {
            secretKey: parsed.STRIPE_SECRET_KEY,
            webhookSecret: parsed.STRIPE_WEBHOOK_SECRET,
            /** Null: Stripe's own API. */
            apiUrl: parsed.STRIPE_API_URL || null,
          }
        : null,
    lemonSqueezy:
      provider === 'lemon-squeezy'
        ? {
            apiKey: parsed.LEMON_SQUEEZY_API_KEY,
            storeId: parsed.LEMON_SQUEEZY_STORE_ID,
            webhookSecret: parsed.LEMON_SQUEEZY_WEBHOOK_SECRET,
            /** Null: Lemon Squeezy's own API. */
            apiUrl: parsed.LEMON_SQUEEZY_API_URL || null,
          }
        : null,
    /** The provider's price ids of the catalogue's line items (null for the local gateway, or without a catalogue). */
    prices,
  };
}

/**
 * `enabledProviders`: the OAuth providers of the public configuration (appConfig.auth.oauthProviders);
 * `billingCatalogue`: appConfig.billing, whose price ids the payment provider needs.
 */
export function readServerConfig(
  env: Record<string, string | undefined>,
  enabledProviders: readonly OAuthProvider[] = [],
  billingCatalogue?: BillingConfig,
) {
  const parsed = parseEnv(serverEnvSchema, env, [
    'APP_SECRET',
    'DATABASE_URL',
    'SMTP_URL',
    'GITHUB_CLIENT_SECRET',
    'GOOGLE_CLIENT_SECRET',
    'OIDC_CLIENT_SECRET',
    'S3_SECRET_ACCESS_KEY',
    'STRIPE_SECRET_KEY',
    'STRIPE_WEBHOOK_SECRET',
    'LEMON_SQUEEZY_API_KEY',
    'LEMON_SQUEEZY_WEBHOOK_SECRET',
  ]);
  const oauth = readOAuthProviders(parsed, enabledProviders);
  const storage = readStorage(parsed);
  const payments = readPaymentProvider(parsed, env, billingCatalogue);
  const transport =
    parsed.EMAIL_TRANSPORT || (parsed.SMTP_URL ? 'smtp' : parsed.NODE_ENV === 'production' ? null : 'mailbox');
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
    /** Seconds requests in flight get to finish after SIGTERM/SIGINT (scripts/serve.ts). */
    shutdownGraceSeconds: parsed.SHUTDOWN_GRACE_SECONDS,
    /** Super admins by address (lower-case), besides those granted with `npm run admin:grant`. */
    superAdminEmails: parsed.SUPER_ADMIN_EMAILS,
    oauth,
    /** Where uploads are kept (src/platform/storage/storage.ts chooses the adapter). */
    storage,
    email: {
      transport,
      smtpUrl: parsed.SMTP_URL || null,
      from: parsed.EMAIL_FROM || null,
    },
    /** The job queue (src/platform/jobs): whether this process runs jobs, how many at once, and the schedules. */
    jobs: {
      inProcess: parsed.JOBS_IN_PROCESS,
      concurrency: parsed.JOBS_CONCURRENCY,
      schedules: parsed.JOBS_SCHEDULES,
    },
    billing: {
      ...payments,
      /** The local gateway outside development and tests, deliberately (then labelled as test mode). */
      localGatewayInProduction: parsed.BILLING_LOCAL_GATEWAY_IN_PRODUCTION,
      /** The local gateway's test clock in production too (it always runs in development and tests). */
      localClockInProduction: parsed.BILLING_LOCAL_CLOCK_IN_PRODUCTION,
      /** Null: the public site URL's /api/billing/webhooks/local. */
      localWebhookUrl: parsed.BILLING_LOCAL_WEBHOOK_URL || null,
    },
  };
}
