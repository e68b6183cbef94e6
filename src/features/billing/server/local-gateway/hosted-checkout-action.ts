'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/platform/http/action';
import { AppError } from '@/platform/http/errors';
import { localCheckoutSchema } from '../../schemas';
import { findLocalCheckout } from './hosted-checkout';
import { completeLocalCheckout } from './local-gateway';

/**
 * The local gateway's hosted checkout (decision 0034): the page a provider would host. Like Stripe's,
 * it needs no sign-in — whoever has the checkout's unguessable link pays it — but it is a public
 * endpoint all the same: CSRF, validation and a rate limit through defineAction, and 404 when the
 * local gateway is off or the checkout unknown.
 */

export type LocalCheckoutOutcome = { status: 'declined' | 'requires-confirmation' | 'confirmation-failed' };

export const payLocalCheckoutAction = defineAction({
  name: 'billing.localCheckout',
  input: localCheckoutSchema,
  rateLimit: { name: 'billing-local-checkout', limit: 60, windowSeconds: 10 * 60 },
  handler: async ({ checkoutId, step, card }): Promise<LocalCheckoutOutcome> => {
    const checkout = await findLocalCheckout(checkoutId);
    if (!checkout) throw new AppError('NOT_FOUND');
    if (checkout.status !== 'open') throw new AppError('CONFLICT', { messageKey: 'billingActions.checkoutClosed' });
    if (step === 'pay' && !card)
      throw new AppError('VALIDATION_FAILED', { fieldErrorKeys: { card: 'billingActions.chooseCard' } });
    const result =
      step === 'pay'
        ? await completeLocalCheckout(checkoutId, card!)
        : await completeLocalCheckout(checkoutId, 'requires-confirmation', step === 'confirm' ? 'confirmed' : 'failed');
    if (result.ok) redirect(result.redirectTo);
    if (result.reason === 'not-open') throw new AppError('CONFLICT', { messageKey: 'billingActions.checkoutClosed' });
    if (result.reason === 'already-subscribed')
      throw new AppError('CONFLICT', { messageKey: 'billingActions.alreadySubscribed' });
    return { status: result.reason === 'card-declined' ? 'declined' : result.reason };
  },
});
