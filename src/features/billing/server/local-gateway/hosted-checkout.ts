import 'server-only';
import { eq } from 'drizzle-orm';
import { getServerConfig } from '@/platform/config/server-config';
import { db } from '@/platform/db/client';
import { localCheckoutIdSchema } from '../../schemas';
import { findPlan } from '../catalogue';
import { localGatewayCheckouts } from '../schema';
import { gatewayFor } from '../providers';

/** The local gateway's hosted checkout page reads its checkout here (its action: hosted-checkout-action.ts). */

/** The checkout as its page shows it; null when the local gateway is off or has no such checkout. */
export async function findLocalCheckout(checkoutId: string) {
  if (!gatewayFor('local') || !localCheckoutIdSchema.safeParse(checkoutId).success) return null;
  const [checkout] = await db.select().from(localGatewayCheckouts).where(eq(localGatewayCheckouts.id, checkoutId));
  const found = checkout ? findPlan(checkout.planId) : null;
  if (!checkout || !found) return null;
  return {
    id: checkout.id,
    // Past its expiry an open checkout is expired: the page shows it closed and its action refuses to pay.
    status: checkout.status === 'open' && checkout.expiresAt <= new Date() ? ('expired' as const) : checkout.status,
    /** The trial decided when it was opened, which "due today" follows. */
    trialDays: checkout.trialDays,
    mode: checkout.mode,
    seats: checkout.seats,
    cancelUrl: checkout.cancelUrl,
    product: found.product,
    plan: found.plan,
    /** The local gateway was switched on in production on purpose: the page says so. */
    inProduction: getServerConfig().isProduction,
  };
}
