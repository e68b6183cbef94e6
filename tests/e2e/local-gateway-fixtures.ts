import { randomBytes } from 'node:crypto';
import { queryDatabase } from './support';

/**
 * Billing starting points for specs, written into the database of the server under test the way the
 * other fixtures are: what a paid local checkout leaves behind (the gateway's records, and Keel's once
 * its webhooks are applied), and a portal session. The checkout page itself is its own spec's story.
 */

const hex = () => randomBytes(8).toString('hex');

/** The organization on a trialing Pro (monthly) subscription at the local gateway, card that succeeds on file. */
export async function giveTrialingPro(organization: { id: string; name: string }, seats = 2) {
  const customerId = `cus_local_e2e_${hex()}`;
  const subscriptionId = `sub_local_e2e_${hex()}`;
  const trialEnds = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000);
  const changed = new Date(Date.now() - 60_000); // older than anything the gateway emits from now on
  await queryDatabase(
    `insert into local_gateway_customers (id, name, payment_method, card_label) values ($1, $2, 'succeeds', 'Visa •••• 4242')`,
    [customerId, organization.name],
  );
  await queryDatabase(
    `insert into local_gateway_subscriptions (id, customer_id, plan_id, status, seats, period_starts_at, period_ends_at,
       trial_ends_at, updated_at) values ($1, $2, 'pro-monthly', 'trialing', $3, $4, $5, $5, $4)`,
    [subscriptionId, customerId, seats, changed, trialEnds],
  );
  const [customer] = await queryDatabase<{ id: string }>(
    `insert into billing_customers (organization_id, provider, provider_customer_id) values ($1, 'local', $2) returning id`,
    [organization.id, customerId],
  );
  const [subscription] = await queryDatabase<{ id: string }>(
    `insert into billing_subscriptions (organization_id, customer_id, provider, provider_subscription_id, status,
       product_id, plan_id, currency, period_starts_at, period_ends_at, trial_ends_at, provider_updated_at)
     values ($1, $2, 'local', $3, 'trialing', 'pro', 'pro-monthly', 'usd', $4, $5, $5, $4) returning id`,
    [organization.id, customer!.id, subscriptionId, changed, trialEnds],
  );
  await queryDatabase(
    `insert into billing_subscription_items (organization_id, subscription_id, line_item_id, type, quantity)
     values ($1, $2, 'seats', 'per_seat', $3)`,
    [organization.id, subscription!.id, seats],
  );
  return { customerId, subscriptionId };
}

/** A live portal session for the customer (as createPortalSession makes one); returns its path. */
export async function portalPath(customerId: string, returnUrl: string) {
  const id = `bps_local_${randomBytes(24).toString('base64url')}`;
  await queryDatabase(
    `insert into local_gateway_portal_sessions (id, customer_id, return_url, expires_at)
     values ($1, $2, $3, now() + interval '1 hour')`,
    [id, customerId, returnUrl],
  );
  return `/billing/local-portal/${id}`;
}
