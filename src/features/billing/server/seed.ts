import { count, eq } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { members, organizations } from '@/features/organizations/server/schema';
import type { Seeder } from '@/platform/db/seed';
import { findPlan } from './catalogue';
import { localSubscriptionEvent } from './local-gateway/local-gateway';
import { billingCustomers, localGatewaySubscriptions } from './schema';
import { applyBillingEvent } from './webhooks';

/*
 * Demo billing: Acme pays for Pro per seat, monthly, one seat per member; Globex stays on the free plan
 * (no subscription: what an organization without one has). Acme's subscription is made the way a
 * provider makes one: the local gateway's records first, then its event applied through the webhook
 * path — so Keel's rows are exactly what a real checkout leaves. Fixed ids: a second run adds nothing.
 */

const ACME_SLUG = 'acme';
const PLAN_ID = 'pro-monthly';
const CUSTOMER_ID = 'cus_local_demo_acme';
const SUBSCRIPTION_ID = 'sub_local_demo_acme';
const DAY = 24 * 60 * 60 * 1000;

export const billingSeeder: Seeder = {
  name: 'billing',
  async run(db: NodePgDatabase) {
    if (!findPlan(PLAN_ID)) return `no plan "${PLAN_ID}" in appConfig.billing, nothing to add`;
    const [acme] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, ACME_SLUG));
    if (!acme) return 'no Acme, nothing to add';
    const [{ seats } = { seats: 1 }] = await db
      .select({ seats: count() })
      .from(members)
      .where(eq(members.organizationId, acme.id));
    // The organization as the gateway's customer, recorded as checkout records it.
    await db
      .insert(billingCustomers)
      .values({ organizationId: acme.id, provider: 'local', providerCustomerId: CUSTOMER_ID })
      .onConflictDoNothing();
    // Ten days into a monthly period, paid.
    const periodStartsAt = new Date(Date.now() - 10 * DAY);
    const periodEndsAt = new Date(periodStartsAt);
    periodEndsAt.setUTCMonth(periodEndsAt.getUTCMonth() + 1);
    await db
      .insert(localGatewaySubscriptions)
      .values({
        id: SUBSCRIPTION_ID,
        customerId: CUSTOMER_ID,
        planId: PLAN_ID,
        status: 'active',
        seats,
        periodStartsAt,
        periodEndsAt,
        updatedAt: periodStartsAt,
        createdAt: periodStartsAt,
      })
      .onConflictDoNothing();
    const [subscription] = await db
      .select()
      .from(localGatewaySubscriptions)
      .where(eq(localGatewaySubscriptions.id, SUBSCRIPTION_ID));
    // Demo data is history, not news: no emails.
    const outcome = await applyBillingEvent(
      'local',
      localSubscriptionEvent(subscription!, { id: `evt_${SUBSCRIPTION_ID}_created`, type: 'subscription.created' }),
      { notify: false, database: db },
    );
    return outcome === 'duplicate'
      ? 'Acme on Pro and Globex on Free already present'
      : `Acme on Pro monthly (${subscription!.seats} seats, active, local gateway), Globex on Free`;
  },
};
