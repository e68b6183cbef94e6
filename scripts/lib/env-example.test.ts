import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAppConfig, publicEnvSchema } from '../../src/platform/config/app-config-schema';

/** Every variable Keel reads: the public and server schemas', the catalogue's price ids, the launcher's. */
function configurationVariables() {
  const serverSchema = readFileSync('src/platform/config/server-config-schema.ts', 'utf8');
  const serverVariables = [...serverSchema.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)]
    .map((match) => match[1]!)
    .filter((name) => name !== 'NODE_ENV');
  expect(serverVariables).toContain('APP_SECRET');
  // The payment providers' price ids, in the variables the billing catalogue names for each line item.
  const priceVariables = buildAppConfig({}).billing.products.flatMap((product) =>
    product.plans.flatMap((plan) => plan.lineItems.flatMap((item) => Object.values(item.providerPriceEnv))),
  );
  expect(priceVariables).toContain('STRIPE_PRICE_PRO_MONTHLY');
  return { public: Object.keys(publicEnvSchema.shape), server: serverVariables, prices: priceVariables };
}

describe('.env.example', () => {
  it('documents every configuration variable', () => {
    const example = readFileSync('.env.example', 'utf8');
    const variables = configurationVariables();
    const all = [
      ...variables.public,
      ...variables.server,
      ...variables.prices,
      'EMBEDDED_POSTGRES_DIR',
      'EMBEDDED_POSTGRES_PORT',
      'PORT',
    ];
    expect(all.filter((name) => !new RegExp(`^#? ?${name}=`, 'm').test(example))).toEqual([]);
  });
});

describe('docs/configuration/environment-variables.md', () => {
  it('lists every public and server variable', () => {
    const guide = readFileSync('docs/configuration/environment-variables.md', 'utf8');
    const variables = configurationVariables();
    expect([...variables.public, ...variables.server].filter((name) => !guide.includes(`\`${name}\``))).toEqual([]);
  });
});
