import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/billing/webhooks/[provider]/route';
import {
  gatewayFor,
  getOrganizationSubscription,
  organizationNeedsPaymentFix,
  reconcileSubscriptions,
  startCheckout,
  syncSeats,
  type BillingGateway,
} from '@/features/billing/server';
import {
  billingCheckouts,
  billingCustomers,
  billingOrders,
  billingSubscriptionItems,
  billingSubscriptions,
  billingWebhookEvents,
} from '@/features/billing/server/schema';
import { members } from '@/features/organizations/server/schema';
import { db } from '@/platform/db/client';
import { logger } from '@/platform/logger';
import { insertUser, makeOrganization, type TestOrganization } from '../../../support/organizations';
import type { ProviderDriver, SentWebhook } from './provider-driver';

/**
 * The gateway contract (docs/billing/adding-a-provider.md): one suite that every payment provider's
 * adapter passes, through the real app code — startCheckout, the gateway's changes, the seat sync, the
 * webhook endpoint, reconciliation — with the provider's side played by its driver. Keel's state is read
 * through billing's public functions and tables only, so the same assertions hold for every provider.
 *
 * A test file per provider calls it at its top, before anything reads the server configuration:
 *
 *   await registerGatewayContract(localDriver());
 */

const ORIGIN = 'http://localhost:3000';
const PLAN = 'pro-monthly';
const UPGRADE = 'pro-yearly';
const ENTITLED = ['trialing', 'active'];

export async function registerGatewayContract(driver: ProviderDriver): Promise<void> {
  await driver.start();
  afterAll(() => driver.stop());
  const { provider } = driver;
  const owner = await insertUser({ name: 'Connie Contract' });

  function gateway(): BillingGateway {
    const found = gatewayFor(provider);
    if (!found) throw new Error(`no gateway answers for ${provider}: is BILLING_PROVIDER set by the driver?`);
    return found;
  }

  /** An organization with its owner and `others` more members. */
  async function organization(others = 1): Promise<TestOrganization> {
    const people: [{ id: string }, string][] = [[owner, 'owner']];
    for (let index = 0; index < others; index += 1) people.push([await insertUser(), 'member']);
    return makeOrganization(people);
  }

  /** Keel's checkout at the provider for the organization, paid by the buyer: the provider's checkout id. */
  async function checkoutAndPay(org: TestOrganization, seats: number): Promise<string> {
    const started = await startCheckout({
      organizationId: org.id,
      organizationName: org.name,
      userId: owner.id,
      planId: PLAN,
      seats,
      successUrl: `${ORIGIN}/dashboard/${org.slug}/billing?checkout={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${ORIGIN}/dashboard/${org.slug}/plans`,
    });
    if (!started.ok) throw new Error(`startCheckout refused: ${started.reason}`);
    expect(started.url).toMatch(/^https?:\/\//);
    await driver.payCheckout(started.checkoutId);
    await driver.settled();
    return started.checkoutId;
  }

  /** The organization's plan as the app sees it (gating's getOrganizationSubscription). */
  const current = (org: TestOrganization) => db.transaction((tx) => getOrganizationSubscription(tx, org.id));

  /** The paid seats of the organization's entitling subscription, as Keel holds them. */
  async function seatsOf(org: TestOrganization): Promise<number | undefined> {
    const { subscription } = await current(org);
    if (!subscription) return undefined;
    const [item] = await db
      .select({ quantity: billingSubscriptionItems.quantity })
      .from(billingSubscriptionItems)
      .where(
        and(
          eq(billingSubscriptionItems.subscriptionId, subscription.id),
          eq(billingSubscriptionItems.type, 'per_seat'),
        ),
      );
    return item?.quantity;
  }

  /** The provider's id of the organization's subscription, asked of the provider (Keel may not know it yet). */
  async function subscriptionAtProvider(org: TestOrganization): Promise<string> {
    const [customer] = await db
      .select({ id: billingCustomers.providerCustomerId })
      .from(billingCustomers)
      .where(and(eq(billingCustomers.organizationId, org.id), eq(billingCustomers.provider, provider)));
    if (!customer) throw new Error('the organization has no customer at the provider');
    const subscriptions = await gateway().listSubscriptions({ customerId: customer.id });
    expect(subscriptions).toHaveLength(1);
    return subscriptions[0]!.id;
  }

  async function addMembers(org: TestOrganization, howMany: number) {
    for (let index = 0; index < howMany; index += 1)
      await db.insert(members).values({ organizationId: org.id, userId: (await insertUser()).id, role: 'member' });
  }

  /** POSTs a webhook to the app's real endpoint: its status and, when accepted, each event's outcome. */
  async function post(webhook: SentWebhook): Promise<{ status: number; outcomes: string[] }> {
    const response = await POST(
      new Request(`${ORIGIN}/api/billing/webhooks/${provider}`, {
        method: 'POST',
        headers: webhook.headers,
        body: webhook.body,
      }),
      { params: Promise.resolve({ provider }) },
    );
    const body = (await response.json()) as { outcomes?: string[] };
    return { status: response.status, outcomes: body.outcomes ?? [] };
  }

  /** Everything Keel holds about the organization's billing, and the ledger's size: "nothing written". */
  async function snapshot(org: TestOrganization) {
    const subscriptions = await db
      .select()
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.organizationId, org.id))
      .orderBy(asc(billingSubscriptions.id));
    const items = await db
      .select()
      .from(billingSubscriptionItems)
      .where(eq(billingSubscriptionItems.organizationId, org.id))
      .orderBy(asc(billingSubscriptionItems.id));
    const checkouts = await db
      .select()
      .from(billingCheckouts)
      .where(eq(billingCheckouts.organizationId, org.id))
      .orderBy(asc(billingCheckouts.id));
    const orders = await db
      .select()
      .from(billingOrders)
      .where(eq(billingOrders.organizationId, org.id))
      .orderBy(asc(billingOrders.id));
    const [ledger] = await db.select({ entries: count() }).from(billingWebhookEvents);
    return { subscriptions, items, checkouts, orders, ledger: ledger!.entries };
  }

  /** The webhooks the provider sends while `act` runs, held back from Keel (lost, or to deliver later). */
  async function withheld(act: () => Promise<void>): Promise<SentWebhook[]> {
    await driver.settled();
    const mark = driver.sent().length;
    driver.hold(true);
    try {
      await act();
      await driver.settled();
    } finally {
      driver.hold(false);
    }
    return driver.sent().slice(mark);
  }

  /** The provider's state of a subscription and Keel's, in the fields both hold. */
  async function bothSides(org: TestOrganization, subscriptionId: string) {
    const theirs = await gateway().retrieveSubscription(subscriptionId);
    const { subscription: ours } = await current(org);
    const fields = (state: typeof theirs | typeof ours) =>
      state && {
        status: state.status,
        planId: state.planId,
        periodEndsAt: state.periodEndsAt.toISOString(),
        cancelAtPeriodEnd: state.cancelAtPeriodEnd,
      };
    return {
      provider: { ...fields(theirs), seats: theirs?.items.find((item) => item.type === 'per_seat')?.quantity },
      keel: { ...fields(ours), seats: await seatsOf(org) },
    };
  }

  describe(`the gateway contract (${provider}): a subscription's life, each step reaching Keel by webhook`, () => {
    const journey: { org?: TestOrganization; subscriptionId?: string; from?: number; to?: number } = {};
    const need = () => {
      if (!journey.org || !journey.subscriptionId) throw new Error('the checkout step did not complete');
      return { org: journey.org, subscriptionId: journey.subscriptionId };
    };

    it('checkout: the paid checkout subscribes the organization (trialing or active) and completes', async () => {
      const org = await organization(1);
      await driver.settled();
      journey.from = driver.sent().length;
      expect((await current(org)).subscription).toBeNull();
      await checkoutAndPay(org, 2);
      const { product, plan, subscription } = await current(org);
      expect({ product: product.id, plan: plan?.id, provider: subscription?.provider }).toEqual({
        product: 'pro',
        plan: PLAN,
        provider,
      });
      expect(ENTITLED).toContain(subscription!.status);
      expect(await seatsOf(org)).toBe(2);
      const [checkout] = await db.select().from(billingCheckouts).where(eq(billingCheckouts.organizationId, org.id));
      expect(checkout).toMatchObject({ provider, status: 'completed', planId: PLAN });
      journey.org = org;
      journey.subscriptionId = subscription!.providerSubscriptionId;
    });

    it('upgrade: changePlan moves it to another plan', async () => {
      const { org, subscriptionId } = need();
      await gateway().changePlan({ subscriptionId, planId: UPGRADE });
      await driver.settled();
      const { plan, subscription } = await current(org);
      expect(plan?.id).toBe(UPGRADE);
      expect(ENTITLED).toContain(subscription!.status);
    });

    it('seats: members joining raise the seats at the provider (the seat sync), then in Keel', async () => {
      const { org, subscriptionId } = need();
      await addMembers(org, 2);
      await syncSeats.run({ organizationId: org.id }, { attempt: 1, maxAttempts: 1, jobId: 'contract', logger });
      await driver.settled();
      expect(await seatsOf(org)).toBe(4);
      const atProvider = await gateway().retrieveSubscription(subscriptionId);
      expect(atProvider?.items.find((item) => item.type === 'per_seat')?.quantity).toBe(4);
    });

    it('cancel at period end: the plan stays until then', async () => {
      const { org, subscriptionId } = need();
      await gateway().setCancelAtPeriodEnd({ subscriptionId, cancel: true });
      await driver.settled();
      const { plan, subscription } = await current(org);
      expect(subscription?.cancelAtPeriodEnd).toBe(true);
      expect(plan?.id).toBe(UPGRADE);
    });

    it('resume: the cancellation taken back', async () => {
      const { org, subscriptionId } = need();
      await gateway().setCancelAtPeriodEnd({ subscriptionId, cancel: false });
      await driver.settled();
      expect((await current(org)).subscription?.cancelAtPeriodEnd).toBe(false);
    });

    it('renewal paid: active, into the next period', async () => {
      const { org, subscriptionId } = need();
      const before = (await current(org)).subscription!;
      await driver.renew(subscriptionId, 'paid');
      await driver.settled();
      const after = (await current(org)).subscription!;
      expect(after.status).toBe('active');
      expect(after.periodEndsAt.getTime()).toBeGreaterThan(before.periodEndsAt.getTime());
    });

    it('renewal declined: past due, still on the plan, the payment banner shows', async () => {
      const { org, subscriptionId } = need();
      await driver.renew(subscriptionId, 'declined');
      await driver.settled();
      const { plan, subscription } = await current(org);
      expect(subscription?.status).toBe('past_due');
      expect(plan?.id).toBe(UPGRADE);
      expect(await organizationNeedsPaymentFix(owner.id, org.id)).toBe(true);
    });

    it('recovery: the card fixed, active again, the banner gone', async () => {
      const { org, subscriptionId } = need();
      await driver.recover(subscriptionId);
      await driver.settled();
      expect((await current(org)).subscription?.status).toBe('active');
      expect(await organizationNeedsPaymentFix(owner.id, org.id)).toBe(false);
      const sides = await bothSides(org, subscriptionId);
      expect(sides.keel).toEqual(sides.provider);
      expect(sides.provider).toMatchObject({ status: 'active', planId: UPGRADE, seats: 4 });
      journey.to = driver.sent().length;
    });

    it('idempotency: every webhook of that life delivered again changes nothing (all duplicate)', async () => {
      const { org } = need();
      const webhooks = driver.sent().slice(journey.from, journey.to ?? driver.sent().length);
      expect(webhooks.length).toBeGreaterThanOrEqual(8);
      const before = await snapshot(org);
      for (const webhook of webhooks) {
        const { status, outcomes } = await post(webhook);
        expect(status).toBe(200);
        expect(outcomes.length).toBeGreaterThan(0);
        expect(outcomes.every((outcome) => outcome === 'duplicate')).toBe(true);
      }
      expect(await snapshot(org)).toEqual(before);
    });
  });

  describe(`the gateway contract (${provider}): deliveries`, () => {
    it('reordering: webhooks delivered in reverse leave the provider’s final state', async () => {
      const org = await organization(1);
      let subscriptionId = '';
      const held = await withheld(async () => {
        await checkoutAndPay(org, 2);
        subscriptionId = await subscriptionAtProvider(org);
        await gateway().updateSeats({ subscriptionId, seats: 3 });
        await driver.settled();
        await gateway().changePlan({ subscriptionId, planId: UPGRADE });
        await driver.settled();
        await gateway().setCancelAtPeriodEnd({ subscriptionId, cancel: true });
      });
      expect(held.length).toBeGreaterThanOrEqual(4);
      expect((await current(org)).subscription).toBeNull();
      for (const webhook of [...held].reverse()) expect((await post(webhook)).status).toBe(200);
      const sides = await bothSides(org, subscriptionId);
      expect(sides.keel).toEqual(sides.provider);
      expect(sides.keel).toMatchObject({ planId: UPGRADE, cancelAtPeriodEnd: true, seats: 3 });
      const [checkout] = await db.select().from(billingCheckouts).where(eq(billingCheckouts.organizationId, org.id));
      expect(checkout?.status).toBe('completed');
    });

    it('tampering: a webhook with one byte changed is refused (400) and writes nothing', async () => {
      const org = await organization(1);
      await checkoutAndPay(org, 2);
      const { subscription } = await current(org);
      const held = await withheld(() =>
        gateway().setCancelAtPeriodEnd({ subscriptionId: subscription!.providerSubscriptionId, cancel: true }),
      );
      expect(held.length).toBeGreaterThanOrEqual(1);
      const before = await snapshot(org);
      for (const webhook of held) {
        expect((await post({ ...webhook, body: changeOneByte(webhook.body) })).status).toBe(400);
      }
      expect(await snapshot(org)).toEqual(before);
      // The same webhooks untouched are the provider's: accepted, and they change what the tampered did not.
      for (const webhook of held) expect((await post(webhook)).status).toBe(200);
      expect((await current(org)).subscription?.cancelAtPeriodEnd).toBe(true);
    });

    it('lost deliveries: a paid checkout none of whose webhooks arrived is found by reconciliation, once', async () => {
      const org = await organization(1);
      await withheld(async () => {
        await checkoutAndPay(org, 2);
      });
      expect((await current(org)).product.free).toBe(true); // a paying customer left on Free
      const first = await reconcileSubscriptions();
      expect(first.discovered).toBeGreaterThanOrEqual(1);
      await driver.settled();
      const { plan, subscription } = await current(org);
      expect(plan?.id).toBe(PLAN);
      expect(ENTITLED).toContain(subscription?.status);
      expect(await seatsOf(org)).toBe(2);
      const settledState = await snapshot(org);
      const second = await reconcileSubscriptions();
      expect({ discovered: second.discovered, repaired: second.repaired, missing: second.missing }).toEqual({
        discovered: 0,
        repaired: 0,
        missing: 0,
      });
      expect(await snapshot(org)).toEqual(settledState);
    });

    it('lost deliveries: changes whose webhooks never arrived are repaired by reconciliation, once', async () => {
      const org = await organization(1);
      await checkoutAndPay(org, 2);
      const subscriptionId = (await current(org)).subscription!.providerSubscriptionId;
      await withheld(async () => {
        await gateway().changePlan({ subscriptionId, planId: UPGRADE });
        await driver.settled();
        await gateway().updateSeats({ subscriptionId, seats: 5 });
      });
      expect((await current(org)).plan?.id).toBe(PLAN);
      const first = await reconcileSubscriptions();
      expect(first.repaired).toBeGreaterThanOrEqual(1);
      await driver.settled();
      const sides = await bothSides(org, subscriptionId);
      expect(sides.keel).toEqual(sides.provider);
      expect(sides.keel).toMatchObject({ planId: UPGRADE, seats: 5 });
      const settledState = await snapshot(org);
      const second = await reconcileSubscriptions();
      expect({ discovered: second.discovered, repaired: second.repaired }).toEqual({ discovered: 0, repaired: 0 });
      expect(await snapshot(org)).toEqual(settledState);
    });
  });
}

/**
 * The body with one byte changed where the body stays valid — the last character of the first `"id"` value
 * (an event's or object's id) — so that only the signature can tell: unsigned, the endpoint would take it.
 */
export function changeOneByte(body: string): string {
  const id = /"id"\s*:\s*"[^"]*[0-9A-Za-z]"/.exec(body);
  if (!id) throw new Error('no "id" in the webhook body to change');
  const at = id.index + id[0].length - 2;
  const character = body[at]!;
  const swapped =
    character === '9'
      ? '0'
      : character === 'z'
        ? 'a'
        : character === 'Z'
          ? 'A'
          : String.fromCharCode(character.charCodeAt(0) + 1);
  return body.slice(0, at) + swapped + body.slice(at + 1);
}
