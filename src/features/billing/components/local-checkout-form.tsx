'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId, useState } from 'react';
import { CsrfField } from '@/platform/http/client/csrf-token-provider';
import { Alert, AlertDescription } from '@/ui/alert';
import { Button, buttonVariants } from '@/ui/button';
import { Label } from '@/ui/label';
import { RadioGroup, RadioGroupItem } from '@/ui/radio-group';
import { payLocalCheckoutAction } from '../server/local-gateway/hosted-checkout-action';

const CARDS = ['succeeds', 'declined', 'requires-confirmation'] as const;

/**
 * The local gateway's payment form: a test card to pay with, then — for the card that asks for it —
 * a second step to confirm (or fail) the payment, as a bank's 3-D Secure page would. A declined card
 * says why and leaves the checkout open; success goes back to the app (the action redirects).
 */
export function LocalCheckoutForm({ checkoutId, cancelUrl }: { checkoutId: string; cancelUrl: string }) {
  const t = useTranslations('billing.checkout');
  const id = useId();
  const [card, setCard] = useState<(typeof CARDS)[number]>('succeeds');
  const [result, formAction, pending] = useActionState(payLocalCheckoutAction, null);
  const outcome = result?.ok ? result.data.status : null;
  const refusal = result && !result.ok ? result.error : null;

  if (outcome === 'requires-confirmation') {
    return (
      <form action={formAction} className="grid gap-4" aria-labelledby={`${id}-confirm`}>
        <CsrfField />
        <input type="hidden" name="checkoutId" value={checkoutId} />
        <h2 id={`${id}-confirm`} className="text-lg font-semibold">
          {t('confirmTitle')}
        </h2>
        <p className="text-sm text-muted-foreground">{t('confirmDescription')}</p>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="step" value="confirm" loading={pending}>
            {t('confirm')}
          </Button>
          <Button type="submit" name="step" value="fail" variant="outline" disabled={pending}>
            {t('fail')}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <form action={formAction} className="grid gap-4">
      <CsrfField />
      <input type="hidden" name="checkoutId" value={checkoutId} />
      <input type="hidden" name="step" value="pay" />
      <fieldset className="grid gap-3">
        <legend className="mb-2 text-sm font-medium">{t('testCard')}</legend>
        <RadioGroup name="card" value={card} onValueChange={(value) => setCard(value as typeof card)}>
          {CARDS.map((value) => (
            <div key={value} className="flex items-center gap-2">
              <RadioGroupItem id={`${id}-${value}`} value={value} />
              <Label htmlFor={`${id}-${value}`}>{t(`cards.${value}`)}</Label>
            </div>
          ))}
        </RadioGroup>
      </fieldset>
      {outcome === 'declined' || outcome === 'confirmation-failed' || refusal ? (
        <Alert variant="destructive" data-error-code={refusal?.code} data-testid="checkout-error">
          <AlertDescription>
            <p>
              {outcome === 'declined'
                ? t('declined')
                : outcome === 'confirmation-failed'
                  ? t('confirmationFailed')
                  : refusal?.message}
            </p>
          </AlertDescription>
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={pending}>
          {t('pay')}
        </Button>
        <a href={cancelUrl} className={buttonVariants({ variant: 'ghost' })}>
          {t('cancel')}
        </a>
      </div>
    </form>
  );
}
