import 'server-only';
import type { BillingProvider } from '@/platform/config/constants';
import { getServerConfig } from '@/platform/config/server-config';

/**
 * Where an operator sees a subscription in its provider's dashboard (the admin area's subscriptions list), or null
 * for the local gateway, which has none. Stripe's test-mode dashboard (`/test/`) when the key in use is a test key.
 */
export function providerDashboardUrl(provider: BillingProvider, subscriptionId: string): string | null {
  const id = encodeURIComponent(subscriptionId);
  switch (provider) {
    case 'stripe': {
      const key = getServerConfig().billing.stripe?.secretKey ?? '';
      const testMode = /^(sk|rk)_test_/.test(key);
      return `https://dashboard.stripe.com/${testMode ? 'test/' : ''}subscriptions/${id}`;
    }
    case 'lemon-squeezy':
      return `https://app.lemonsqueezy.com/subscriptions/${id}`;
    case 'local':
      return null;
  }
}
