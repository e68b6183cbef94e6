'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from '@/ui/form';
import { Input } from '@/ui/input';
import { emailOnlySchema } from '../schemas';
import { requestPasswordReset } from '../server/actions';
import { SentNotice } from './sent-notice';

/** Asks for a password reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm({ permalink }: { permalink: string }) {
  const t = useTranslations('auth');
  const state = useActionForm({ schema: emailOnlySchema, action: requestPasswordReset, defaultValues: { email: '' }, permalink });
  const [dismissed, setDismissed] = useState<unknown>(null);

  if (state.result?.ok && state.result !== dismissed) {
    const result = state.result;
    return (
      <SentNotice title={t('forgotPassword.sentTitle')} again={{ href: permalink, label: t('magicLink.otherEmail'), onClick: () => setDismissed(result) }}>
        {t('forgotPassword.sent', { email: result.data.email })}
      </SentNotice>
    );
  }

  return (
    <ActionForm state={state} className="space-y-4">
      <FormError state={state} />
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
      <Button type="submit" className="w-full" loading={state.pending} loadingLabel={t('forgotPassword.submitting')}>
        {t('forgotPassword.submit')}
      </Button>
    </ActionForm>
  );
}
