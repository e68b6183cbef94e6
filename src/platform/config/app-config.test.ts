import { describe, expect, it } from 'vitest';
import { buildAppConfig } from './app-config-schema';
import { ConfigError } from './env-schema';
import { readServerConfig } from './server-config-schema';

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('application configuration', () => {
  it('has working defaults when no variable is set', () => {
    const config = buildAppConfig({});
    expect(config.site.name).toBe('Keel');
    expect(config.site.url).toBe('http://localhost:3000');
    expect(config.locales.default).toBe('en');
    expect(config.theme.default).toBe('system');
    expect(config.features).toEqual({
      themeSwitcher: true,
      languageSwitcher: true,
      accountDeletion: true,
      organizationDeletion: true,
      multiFactorAuth: true,
      emailVerificationRequired: true,
    });
    expect(config.auth.oauthProviders).toEqual([]);
  });

  it('takes every value from its environment variable', () => {
    const config = buildAppConfig({
      NEXT_PUBLIC_SITE_NAME: 'Acme',
      NEXT_PUBLIC_SITE_URL: 'https://app.acme.test/',
      NEXT_PUBLIC_DEFAULT_LOCALE: 'es',
      NEXT_PUBLIC_DEFAULT_THEME: 'dark',
      NEXT_PUBLIC_AUTH_MAGIC_LINK: 'false',
      NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS: 'github, google',
      NEXT_PUBLIC_FEATURE_ACCOUNT_DELETION: '0',
      NEXT_PUBLIC_FEATURE_THEME_SWITCHER: 'no',
    });
    expect(config.site).toMatchObject({ name: 'Acme', url: 'https://app.acme.test' });
    expect(config.locales.default).toBe('es');
    expect(config.theme.default).toBe('dark');
    expect(config.auth.magicLink).toBe(false);
    expect(config.auth.oauthProviders).toEqual(['github', 'google']);
    expect(config.features.accountDeletion).toBe(false);
    expect(config.features.themeSwitcher).toBe(false);
  });

  it('links the docs site to the repository of the guides', () => {
    expect(buildAppConfig({}).docs).toEqual({
      repositoryUrl: 'https://github.com/keel-dev/keel',
      branch: 'main',
      editUrl: 'https://github.com/keel-dev/keel/edit/main/',
      repositoryBlobUrl: 'https://github.com/keel-dev/keel/blob/main/',
    });
    const config = buildAppConfig({
      NEXT_PUBLIC_DOCS_REPOSITORY_URL: 'https://git.acme.test/acme/app.git/',
      NEXT_PUBLIC_DOCS_BRANCH: 'release/2',
    });
    expect(config.docs.editUrl).toBe('https://git.acme.test/acme/app/edit/release/2/');
    expect(() => buildAppConfig({ NEXT_PUBLIC_DOCS_REPOSITORY_URL: 'ftp://acme.test/app' })).toThrow(
      /NEXT_PUBLIC_DOCS_REPOSITORY_URL/,
    );
  });

  it('names the variable, the problem, the value and the fix', () => {
    const error = configError(() =>
      buildAppConfig({
        NEXT_PUBLIC_FEATURE_MULTI_FACTOR_AUTH: 'maybe',
        NEXT_PUBLIC_SITE_URL: 'not a url',
        NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS: 'github,myspace',
      }),
    );
    expect(error.problems).toHaveLength(3);
    expect(error.message).toContain('NEXT_PUBLIC_FEATURE_MULTI_FACTOR_AUTH must be "true" or "false" (got "maybe")');
    expect(error.message).toContain('NEXT_PUBLIC_SITE_URL must be an absolute http(s) URL');
    expect(error.message).toContain('Fix: the public origin of the app');
    expect(error.message).toContain('NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS has unknown value(s) "myspace"');
    expect(error.message).toContain('docs/configuration/environment-variables.md');
  });

  it('refuses a default language that has no messages', () => {
    expect(configError(() => buildAppConfig({ NEXT_PUBLIC_DEFAULT_LOCALE: 'xx' })).message).toContain(
      'NEXT_PUBLIC_DEFAULT_LOCALE must be one of en, es (got "xx")',
    );
  });
});

describe('server configuration', () => {
  const valid = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', APP_SECRET: 'x'.repeat(32) };

  it('reads the secrets and settings', () => {
    const config = readServerConfig({
      ...valid,
      NODE_ENV: 'production',
      TRUST_PROXY: 'true',
      DATABASE_POOL_MAX: '4',
      SMTP_URL: 'smtp://mail.example.com:587',
    });
    expect(config).toMatchObject({
      isProduction: true,
      trustedProxies: 1,
      databasePoolMax: 4,
      databaseUrl: valid.DATABASE_URL,
    });
    expect(config.email).toMatchObject({ transport: 'smtp', smtpUrl: 'smtp://mail.example.com:587' });
    expect(readServerConfig({ ...valid, TRUST_PROXY: '2' }).trustedProxies).toBe(2);
    expect(readServerConfig({ ...valid, TRUST_PROXY: 'false' }).trustedProxies).toBe(0);
    expect(configError(() => readServerConfig({ ...valid, TRUST_PROXY: 'sometimes' })).message).toContain(
      'TRUST_PROXY must be "false", "true" or the number of proxies',
    );
  });

  it('gives requests in flight 20 seconds after SIGTERM unless SHUTDOWN_GRACE_SECONDS says otherwise', () => {
    expect(readServerConfig(valid).shutdownGraceSeconds).toBe(20);
    expect(readServerConfig({ ...valid, SHUTDOWN_GRACE_SECONDS: '45' }).shutdownGraceSeconds).toBe(45);
    expect(configError(() => readServerConfig({ ...valid, SHUTDOWN_GRACE_SECONDS: 'soon' })).message).toContain(
      'SHUTDOWN_GRACE_SECONDS must be a number of seconds',
    );
    expect(configError(() => readServerConfig({ ...valid, SHUTDOWN_GRACE_SECONDS: '0' })).message).toContain(
      'SHUTDOWN_GRACE_SECONDS must be at least 1',
    );
  });

  it('keeps emails in the dev mailbox outside production, and demands SMTP in production', () => {
    expect(readServerConfig(valid).email.transport).toBe('mailbox');
    expect(configError(() => readServerConfig({ ...valid, NODE_ENV: 'production' })).message).toContain(
      'SMTP_URL is required in production',
    );
    expect(readServerConfig({ ...valid, NODE_ENV: 'production', EMAIL_TRANSPORT: 'mailbox' }).email.transport).toBe(
      'mailbox',
    );
    expect(configError(() => readServerConfig({ ...valid, EMAIL_TRANSPORT: 'smtp' })).message).toContain(
      'SMTP_URL is required',
    );
  });

  it('reports a missing or short secret without printing it', () => {
    const missing = configError(() => readServerConfig({ DATABASE_URL: valid.DATABASE_URL }));
    expect(missing.message).toContain(
      'APP_SECRET is required (it is not set). Fix: generate one with `openssl rand -base64 32`',
    );
    const short = configError(() => readServerConfig({ ...valid, APP_SECRET: 'hunter2-is-short' }));
    expect(short.message).toContain(
      'APP_SECRET must be at least 32 characters long (the value is hidden because it is a secret)',
    );
    expect(short.message).not.toContain('hunter2');
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, hiding its password', () => {
    const error = configError(() => readServerConfig({ ...valid, DATABASE_URL: 'mysql://root:topsecret@db/app' }));
    expect(error.message).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL');
    expect(error.message).not.toContain('topsecret');
  });
});
