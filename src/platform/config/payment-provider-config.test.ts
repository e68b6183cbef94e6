import { describe, expect, it } from 'vitest';
import { buildAppConfig } from './app-config';
import { ConfigError } from './env-schema';
import { readServerConfig } from './server-config-schema';

/**
 * BILLING_PROVIDER and its variables (docs/configuration/environment-variables.md, docs/billing/): a
 * provider is complete or the start stops, with one line per problem naming the variable — and never
 * printing a secret.
 */

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', APP_SECRET: 'x'.repeat(32) };
const catalogue = buildAppConfig({}).billing;

const STRIPE = {
  BILLING_PROVIDER: 'stripe',
  STRIPE_SECRET_KEY: 'sk_test_51SecretKeyThatMustNeverBePrinted',
  STRIPE_WEBHOOK_SECRET: 'whsec_SigningSecretThatMustNeverBePrinted',
};
const STRIPE_PRICES = {
  STRIPE_PRICE_PRO_MONTHLY: 'price_pro_monthly',
  STRIPE_PRICE_PRO_YEARLY: 'price_pro_yearly',
  STRIPE_PRICE_ONBOARDING: 'price_onboarding',
  STRIPE_PRICE_TEAM_2025_BASE: 'price_team_base',
  STRIPE_PRICE_TEAM_2025_TASKS: 'price_team_tasks',
};
const LEMON = {
  BILLING_PROVIDER: 'lemon-squeezy',
  LEMON_SQUEEZY_API_KEY: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.ApiKeyThatMustNeverBePrinted',
  LEMON_SQUEEZY_STORE_ID: '12345',
  LEMON_SQUEEZY_WEBHOOK_SECRET: 'lemon-secret-never-printed',
};
const LEMON_VARIANTS = {
  LEMON_SQUEEZY_VARIANT_PRO_MONTHLY: '101',
  LEMON_SQUEEZY_VARIANT_PRO_YEARLY: '102',
  LEMON_SQUEEZY_VARIANT_ONBOARDING: '103',
  LEMON_SQUEEZY_VARIANT_TEAM_2025_BASE: '104',
  LEMON_SQUEEZY_VARIANT_TEAM_2025_TASKS: '105',
};
const SECRETS = [
  STRIPE.STRIPE_SECRET_KEY,
  STRIPE.STRIPE_WEBHOOK_SECRET,
  LEMON.LEMON_SQUEEZY_API_KEY,
  LEMON.LEMON_SQUEEZY_WEBHOOK_SECRET,
  'pk_test_PublishableKeyPastedByMistake',
  'short',
  'a-webhook-secret-that-is-longer-than-forty-characters',
];

/** The lines a start stopped by this environment prints (one per problem), checked to print no secret. */
function refusal(env: Record<string, string>): string[] {
  let thrown: unknown;
  try {
    readServerConfig({ ...base, ...env }, [], catalogue);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ConfigError);
  const { message, problems } = thrown as ConfigError;
  for (const secret of SECRETS) expect(message).not.toContain(secret);
  return problems;
}

describe('BILLING_PROVIDER', () => {
  it('is the local gateway when unset: no credentials, no price ids', () => {
    const { billing } = readServerConfig(base, [], catalogue);
    expect(billing).toMatchObject({ provider: 'local', stripe: null, lemonSqueezy: null, prices: null });
  });

  it('names the allowed providers when it is none of them', () => {
    expect(refusal({ BILLING_PROVIDER: 'paddle' })).toEqual([
      expect.stringContaining('BILLING_PROVIDER must be one of local, stripe, lemon-squeezy (got "paddle")'),
    ]);
  });

  it('ignores another provider’s variables', () => {
    const { billing } = readServerConfig({ ...base, ...STRIPE, ...STRIPE_PRICES, BILLING_PROVIDER: 'local' });
    expect(billing).toMatchObject({ provider: 'local', stripe: null });
  });
});

describe('stripe', () => {
  it('reads the keys and every price id the catalogue names', () => {
    const { billing } = readServerConfig({ ...base, ...STRIPE, ...STRIPE_PRICES }, [], catalogue);
    expect(billing.stripe).toEqual({
      secretKey: STRIPE.STRIPE_SECRET_KEY,
      webhookSecret: STRIPE.STRIPE_WEBHOOK_SECRET,
      apiUrl: null,
    });
    expect(billing.prices?.priceIdOf('pro-yearly', 'seats')).toBe('price_pro_yearly');
    expect(billing.prices?.byPriceId.get('price_team_tasks')).toMatchObject({ planId: 'team-2025-monthly' });
  });

  it('stops the start without its keys, naming each', () => {
    expect(refusal({ BILLING_PROVIDER: 'stripe', ...STRIPE_PRICES })).toEqual([
      expect.stringMatching(/^STRIPE_SECRET_KEY is required because BILLING_PROVIDER is "stripe"\. Fix: /),
      expect.stringMatching(/^STRIPE_WEBHOOK_SECRET is required because BILLING_PROVIDER is "stripe"\. Fix: /),
    ]);
  });

  it('refuses a publishable key, and a webhook secret that is not one', () => {
    expect(
      refusal({
        ...STRIPE,
        ...STRIPE_PRICES,
        STRIPE_SECRET_KEY: 'pk_test_PublishableKeyPastedByMistake',
        STRIPE_WEBHOOK_SECRET: 'short',
      }),
    ).toEqual([
      expect.stringContaining('STRIPE_SECRET_KEY must be a secret or restricted key'),
      expect.stringContaining('STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)'),
    ]);
  });

  it('accepts restricted keys, live or test', () => {
    for (const key of ['rk_live_abc', 'rk_test_abc', 'sk_live_abc'])
      expect(
        readServerConfig({ ...base, ...STRIPE, ...STRIPE_PRICES, STRIPE_SECRET_KEY: key }, [], catalogue).billing.stripe
          ?.secretKey,
      ).toBe(key);
  });

  it('stops the start when a price id variable is missing, naming the variable and the plan', () => {
    const { STRIPE_PRICE_PRO_YEARLY: _yearly, STRIPE_PRICE_ONBOARDING: _once, ...some } = STRIPE_PRICES;
    expect(refusal({ ...STRIPE, ...some })).toEqual([
      'STRIPE_PRICE_PRO_YEARLY is not set: set it to the stripe price id of pro-yearly / seats ' +
        '(because BILLING_PROVIDER is "stripe").',
      'STRIPE_PRICE_ONBOARDING is not set: set it to the stripe price id of onboarding-once / session ' +
        '(because BILLING_PROVIDER is "stripe").',
    ]);
  });

  it('refuses an API URL that is not http(s)', () => {
    expect(refusal({ ...STRIPE, ...STRIPE_PRICES, STRIPE_API_URL: 'ftp://mock' })).toEqual([
      expect.stringContaining('STRIPE_API_URL must be an http(s) URL (got "ftp://mock")'),
    ]);
  });
});

describe('the test-only API URLs', () => {
  const production = { NODE_ENV: 'production', EMAIL_TRANSPORT: 'mailbox' };
  it('are refused in production unless loopback, naming the variable', () => {
    expect(
      refusal({ ...production, ...STRIPE, ...STRIPE_PRICES, STRIPE_API_URL: 'http://stripe.example.com' }),
    ).toEqual([expect.stringContaining('STRIPE_API_URL is for tests only')]);
    expect(
      refusal({ ...production, ...LEMON, ...LEMON_VARIANTS, LEMON_SQUEEZY_API_URL: 'https://10.0.0.5:8443' }),
    ).toEqual([expect.stringContaining('LEMON_SQUEEZY_API_URL is for tests only')]);
  });

  it('accept a loopback mock in production, and any host outside it', () => {
    for (const url of ['http://127.0.0.1:12111', 'http://[::1]:12111', 'http://localhost:12111'])
      expect(
        readServerConfig({ ...base, ...production, ...STRIPE, ...STRIPE_PRICES, STRIPE_API_URL: url }, [], catalogue)
          .billing.stripe?.apiUrl,
      ).toBe(url);
    expect(
      readServerConfig({ ...base, ...STRIPE, ...STRIPE_PRICES, STRIPE_API_URL: 'http://mock.test:1' }, [], catalogue)
        .billing.stripe?.apiUrl,
    ).toBe('http://mock.test:1');
  });
});

describe('lemon-squeezy', () => {
  it('reads the key, the store, the secret and every variant id', () => {
    const { billing } = readServerConfig({ ...base, ...LEMON, ...LEMON_VARIANTS }, [], catalogue);
    expect(billing.lemonSqueezy).toEqual({
      apiKey: LEMON.LEMON_SQUEEZY_API_KEY,
      storeId: '12345',
      webhookSecret: LEMON.LEMON_SQUEEZY_WEBHOOK_SECRET,
      apiUrl: null,
    });
    expect(billing.prices?.priceIdOf('pro-monthly', 'seats')).toBe('101');
  });

  it('stops the start without its store id, or with one that is not a number', () => {
    const { LEMON_SQUEEZY_STORE_ID: _store, ...withoutStore } = LEMON;
    expect(refusal({ ...withoutStore, ...LEMON_VARIANTS })).toEqual([
      expect.stringMatching(/^LEMON_SQUEEZY_STORE_ID is required because BILLING_PROVIDER is "lemon-squeezy"\./),
    ]);
    expect(refusal({ ...LEMON, ...LEMON_VARIANTS, LEMON_SQUEEZY_STORE_ID: 'my-store' })).toEqual([
      expect.stringContaining('LEMON_SQUEEZY_STORE_ID must be the number of your store, e.g. 12345 (got "my-store")'),
    ]);
  });

  it('stops the start without its API key or webhook secret', () => {
    expect(refusal({ BILLING_PROVIDER: 'lemon-squeezy', LEMON_SQUEEZY_STORE_ID: '1', ...LEMON_VARIANTS })).toEqual([
      expect.stringMatching(/^LEMON_SQUEEZY_API_KEY is required because/),
      expect.stringMatching(/^LEMON_SQUEEZY_WEBHOOK_SECRET is required because/),
    ]);
  });

  it('wants a webhook secret of 6 to 40 characters, and never prints it', () => {
    for (const secret of ['short', 'a-webhook-secret-that-is-longer-than-forty-characters'])
      expect(refusal({ ...LEMON, ...LEMON_VARIANTS, LEMON_SQUEEZY_WEBHOOK_SECRET: secret })).toEqual([
        'LEMON_SQUEEZY_WEBHOOK_SECRET must be 6 to 40 characters (the value is hidden because it is a secret). ' +
          "Fix: the signing secret you typed when creating the store's webhook (6 to 40 characters).",
      ]);
    for (const secret of ['6chars', 'x'.repeat(40)])
      expect(
        readServerConfig({ ...base, ...LEMON, ...LEMON_VARIANTS, LEMON_SQUEEZY_WEBHOOK_SECRET: secret }, [], catalogue)
          .billing.lemonSqueezy?.webhookSecret,
      ).toBe(secret);
  });

  it('stops the start when a variant id variable is missing, naming the variable and the plan', () => {
    const { LEMON_SQUEEZY_VARIANT_PRO_MONTHLY: _monthly, ...some } = LEMON_VARIANTS;
    expect(refusal({ ...LEMON, ...some })).toEqual([
      'LEMON_SQUEEZY_VARIANT_PRO_MONTHLY is not set: set it to the lemon-squeezy price id of pro-monthly / seats ' +
        '(because BILLING_PROVIDER is "lemon-squeezy").',
    ]);
  });
});
