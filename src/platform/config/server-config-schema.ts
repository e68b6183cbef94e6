import { z } from 'zod';
import { envBoolean, envString, parseEnv } from './env-schema';

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
  TRUST_PROXY: envBoolean(false).describe(
    '"true" only behind a proxy that sets X-Forwarded-For (Vercel, a load balancer); otherwise "false".',
  ),
  SMTP_URL: envString('')
    .pipe(z.union([z.literal(''), z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })]))
    .describe('smtp://user:password@smtp.example.com:587 (smtps:// for TLS on connect); empty stores emails in the dev mailbox.'),
  EMAIL_FROM: envString('')
    .pipe(z.union([z.literal(''), z.string().regex(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'must be an address, optionally with a name: "Acme <hello@acme.com>"')]))
    .describe('the sender of every email, e.g. "Acme <hello@acme.com>" (default: the site name at no-reply@localhost).'),
  DATABASE_POOL_MAX: envString('10')
    .pipe(z.coerce.number<string>().int().min(1).max(200))
    .describe('the largest number of PostgreSQL connections one app instance opens, e.g. 10.'),
});

export type ServerConfig = ReturnType<typeof readServerConfig>;

export function readServerConfig(env: Record<string, string | undefined>) {
  const parsed = parseEnv(serverEnvSchema, env, ['APP_SECRET', 'DATABASE_URL', 'SMTP_URL']);
  return {
    environment: parsed.NODE_ENV,
    isProduction: parsed.NODE_ENV === 'production',
    databaseUrl: parsed.DATABASE_URL,
    databasePoolMax: parsed.DATABASE_POOL_MAX,
    appSecret: parsed.APP_SECRET,
    logLevel: parsed.LOG_LEVEL,
    trustProxy: parsed.TRUST_PROXY,
    email: {
      smtpUrl: parsed.SMTP_URL || null,
      from: parsed.EMAIL_FROM || null,
    },
  };
}
