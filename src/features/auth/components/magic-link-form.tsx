'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from '@/ui/form';
import { Input } from '@/ui/input';
import { emailOnlySchema } from '../schemas';
import { requestMagicLink } from '../server/actions';
import { SentNotice } from './sent-notice';

/** Asks for a sign-in link by email (it also creates the account of a new address). */
export function MagicLinkForm({ next, permalink, minutes, description }: { next: string; permalink: string; minutes: number; description?: string }) {
  const t = useTranslations('auth');
  const state = useActionForm({ schema: emailOnlySchema, action: requestMagicLink, defaultValues: { email: '' }, permalink });
  // The result the visitor chose to leave behind ("use another email address").
  const [dismissed, setDismissed] = useState<unknown>(null);

  if (state.result?.ok && state.result !== dismissed) {
    const result = state.result;
    return (
      <SentNotice
        title={t('magicLink.sentTitle')}
        again={{ href: permalink, label: t('magicLink.otherEmail'), onClick: () => setDismissed(result) }}
      >
        {t('magicLink.sent', { email: result.data.email, minutes })}
      </SentNotice>
    );
  }

  return (
    <ActionForm state={state} className="space-y-4">
      <p className="text-sm text-muted-foreground">{description ?? t('magicLink.description')}</p>
      <FormError state={state} />
      <input type="hidden" name="next" value={next} />
      <FormField
        control={state.form.control}
        name="email"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t('fields.email')}</FormLabel>
            <FormControl>
              <Input type="email" autoComplete="email" inputMode="email" {...field} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <Button type="submit" className="w-full" loading={state.pending} loadingLabel={t('magicLink.submitting')}>
        {t('magicLink.submit')}
      </Button>
    </ActionForm>
  );
}
