import 'server-only';
import { cache } from 'react';
import { withTenant, type TenantScope } from '@/platform/db/tenant';
import { getOrganizationSubscription } from './gating';

/**
 * Whether the organization's subscription waits for a payment fix (past due; or unpaid, from a provider
 * that leaves it so): the past-due banner shows it to whoever may manage billing. One small read under
 * row-level security, once per request.
 */
export const organizationNeedsPaymentFix = cache(async (userId: string, organizationId: string): Promise<boolean> => {
  const scope: TenantScope = { userId, organizationId };
  const { subscription } = await withTenant(scope, (tx) => getOrganizationSubscription(tx, organizationId));
  return subscription?.status === 'past_due' || subscription?.status === 'unpaid';
});
