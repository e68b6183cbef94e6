import { z } from 'zod';

/**
 * What the billing actions accept (the billing pages' forms and buttons send it). Plan ids are
 * checked against the catalogue on the server; here only their shape.
 */

const organizationId = z.uuid();
const planId = z
  .string()
  .trim()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
/** Seats a checkout may ask for; blank means "as many as the organization has members". */
const MAX_CHECKOUT_SEATS = 10_000;
const seats = z.preprocess(
  (value) => (value === '' || value === null ? undefined : typeof value === 'string' ? Number(value) : value),
  z.int().min(1).max(MAX_CHECKOUT_SEATS).optional(),
);

export const startCheckoutSchema = z.object({ organizationId, planId, seats });
export const buyAddOnSchema = z.object({ organizationId, planId });
export const billingChangeSchema = z.object({ organizationId, planId });
export const billingOrganizationSchema = z.object({ organizationId });

/** The local gateway's checkout ids (local-gateway/events.ts `localId('cs')`). */
export const localCheckoutIdSchema = z.string().regex(/^cs_local_[0-9a-f]{24}$/);
const LOCAL_CHECKOUT_STEPS = ['pay', 'confirm', 'fail'] as const;
export const localCheckoutSchema = z.object({
  checkoutId: localCheckoutIdSchema,
  /** `pay` with a card; `confirm` / `fail` answer the extra confirmation step. */
  step: z.enum(LOCAL_CHECKOUT_STEPS).default('pay'),
  card: z.enum(['succeeds', 'declined', 'requires-confirmation']).optional(),
});
