import { expect, it, vi } from 'vitest';
import { onServerStart } from './instrumentation-node';

/**
 * The server's start validates the whole configuration, the payment provider's price ids included (they
 * come from the catalogue): a mistake prints its lines, naming the variable, and stops the process before
 * any request — whatever part of the configuration found it.
 */
it('stops the start, naming the variable, when the payment provider lacks a price id', async () => {
  Object.assign(process.env, {
    BILLING_PROVIDER: 'stripe',
    STRIPE_SECRET_KEY: 'sk_test_NeverPrintedAtStart',
    STRIPE_WEBHOOK_SECRET: 'whsec_NeverPrintedAtStart',
    STRIPE_PRICE_PRO_MONTHLY: 'price_1',
  });
  const printed: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
  const exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Error(`exit ${code}`);
  });
  await expect(onServerStart()).rejects.toThrow('exit 1');
  expect(exit).toHaveBeenCalledWith(1);
  const output = printed.join('\n');
  expect(output).toContain('Keel cannot start: the configuration is invalid.');
  expect(output).toContain('STRIPE_PRICE_PRO_YEARLY is not set: set it to the stripe price id of pro-yearly / seats');
  expect(output).not.toContain('NeverPrintedAtStart');
});
