'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { magicLinkVerifySchema } from '../schemas';
import { verifyMagicLink } from '../server/magic-link-actions';

/**
 * The button of the magic-link page. The token is used only when it is
 * pressed: mail scanners that open links never press buttons.
 */
export function MagicLinkConfirmForm({
  token,
  next,
  permalink,
  requestNewHref,
}: {
  token: string;
  next: string;
  permalink: string;
  requestNewHref: string;
}) {
  const t = useTranslations('auth.magicLink');
  const state = useActionForm({
    schema: magicLinkVerifySchema,
    action: verifyMagicLink,
    defaultValues: { token, next },
    permalink,
  });
  const failed = state.result && !state.result.ok;
  return (
    <ActionForm state={state} className="space-y-4">
      <FormError state={state} />
      {failed ? (
        <Link href={requestNewHref} className="block text-sm font-medium text-link underline-offset-4 hover:underline">
          {t('landing.requestNew')}
        </Link>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="next" value={next} />
      <Button type="submit" className="w-full" size="lg" loading={state.pending} loadingLabel={t('landing.submitting')}>
        {t('landing.submit')}
      </Button>
    </ActionForm>
  );
}
