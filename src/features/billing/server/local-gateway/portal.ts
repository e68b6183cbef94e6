import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt } from 'drizzle-orm';
import { appConfig } from '@/platform/config/app-config';
import { getServerConfig } from '@/platform/config/server-config';
import { db } from '@/platform/db/client';
import { findPlan } from '../catalogue';
import { localGatewayInvoices, localGatewayPortalSessions, localGatewaySubscriptions } from '../schema';
import type { LocalCard } from './clock-steps';
import { listLocalInvoices, lockLocalCustomer, openInvoiceOf, saveSubscription, setCustomerCard } from './records';

/**
 * The local gateway's customer portal (docs/billing/local-gateway.md#the-portal). Its link is a
 * session: an unguessable id that opens one customer's portal for an hour, like Stripe's, so a
 * leaked URL dies. The id is the credential: the portal needs no sign-in to the app.
 */

const PORTAL_SESSION_MS = 60 * 60 * 1000;

/**
 * Whether the local gateway's pages (portal, clock) are up: in development and tests, and in production
 * only when BILLING_LOCAL_GATEWAY_IN_PRODUCTION is on — then labelled so (decision 0034).
 */
export function localGatewayMode(): 'off' | 'test' | 'production' {
  const { isProduction, billing } = getServerConfig();
  if (!isProduction) return 'test';
  return billing.localGatewayInProduction ? 'production' : 'off';
}

/**
 * Whether the portal offers the test clock: in development and tests; in production (a demo of the local
 * gateway) only with BILLING_LOCAL_CLOCK_IN_PRODUCTION as well — a visitor must not age subscriptions.
 */
export function localClockEnabled(): boolean {
  const mode = localGatewayMode();
  return mode === 'test' || (mode === 'production' && getServerConfig().billing.localClockInProduction);
}

export async function createLocalPortalSession(customerId: string, returnUrl: string): Promise<string> {
  const id = `bps_local_${randomBytes(24).toString('base64url')}`;
  await db.insert(localGatewayPortalSessions).values({
    id,
    customerId,
    returnUrl,
    expiresAt: new Date(Date.now() + PORTAL_SESSION_MS),
  });
  return `${appConfig.site.url}/billing/local-portal/${id}`;
}

/** The customer a live portal session opens, or null for an unknown or expired one. */
export async function findLocalPortalSession(sessionId: string) {
  const [session] = await db
    .select()
    .from(localGatewayPortalSessions)
    .where(and(eq(localGatewayPortalSessions.id, sessionId), gt(localGatewayPortalSessions.expiresAt, new Date())));
  return session ?? null;
}

/** Subscription plans a portal may switch to: visible, sold, recurring. */
export function portalPlans() {
  return appConfig.billing.products
    .filter((product) => product.type === 'plan' && !product.hidden && !product.free && !product.contactUs)
    .flatMap((product) =>
      product.plans.filter((plan) => plan.interval !== 'one_off').map((plan) => ({ product, plan })),
    );
}

/** What the portal page shows for a live session, or null (the page answers 404). */
export async function loadLocalPortal(sessionId: string) {
  const session = localGatewayMode() === 'off' ? null : await findLocalPortalSession(sessionId);
  if (!session) return null;
  return db.transaction(async (tx) => {
    const customer = await lockLocalCustomer(tx, session.customerId);
    const subscriptions = await tx
      .select()
      .from(localGatewaySubscriptions)
      .where(eq(localGatewaySubscriptions.customerId, session.customerId))
      .orderBy(desc(localGatewaySubscriptions.createdAt));
    const invoices = await listLocalInvoices(tx, session.customerId, 24);
    return {
      session,
      clock: localClockEnabled(),
      customer,
      subscriptions: subscriptions.map((subscription) => ({
        ...subscription,
        plan: findPlan(subscription.planId),
      })),
      invoices,
    };
  });
}

/** The customer's subscription, if it is theirs: a portal acts on its own customer's only. */
export async function subscriptionOfCustomer(customerId: string, subscriptionId: string) {
  const [subscription] = await db
    .select()
    .from(localGatewaySubscriptions)
    .where(and(eq(localGatewaySubscriptions.id, subscriptionId), eq(localGatewaySubscriptions.customerId, customerId)));
  return subscription ?? null;
}

/**
 * Puts a test card on file. With a card that succeeds, every past-due subscription's open invoice is
 * charged again at once — paid, the subscription active again ("recovered") — as providers retry
 * when a customer fixes their payment method. Returns the recovered subscriptions.
 */
export async function setLocalPaymentMethod(customerId: string, card: LocalCard): Promise<string[]> {
  return db.transaction(async (tx) => {
    await setCustomerCard(tx, customerId, card);
    if (card !== 'succeeds') return [];
    const pastDue = await tx
      .select()
      .from(localGatewaySubscriptions)
      .where(
        and(eq(localGatewaySubscriptions.customerId, customerId), eq(localGatewaySubscriptions.status, 'past_due')),
      )
      .for('update');
    for (const subscription of pastDue) {
      const invoice = await openInvoiceOf(tx, subscription.id);
      if (invoice)
        await tx
          .update(localGatewayInvoices)
          .set({ status: 'paid', updatedAt: new Date() })
          .where(eq(localGatewayInvoices.id, invoice.id));
      await saveSubscription(tx, subscription.id, { status: 'active' });
    }
    return pastDue.map((subscription) => subscription.id);
  });
}
