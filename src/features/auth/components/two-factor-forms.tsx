'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from '@/ui/form';
import { Input } from '@/ui/input';
import { recoveryCodeChallengeSchema, twoFactorChallengeSchema } from '../schemas';
import { verifyRecoveryCode, verifyTwoFactorCode } from '../server/actions';

/** The second step of signing in: the 6-digit code of the authenticator app. */
export function TwoFactorCodeForm({ next, permalink }: { next: string; permalink: string }) {
  const t = useTranslations('auth.twoFactor');
  const trustId = useId();
  const state = useActionForm({ schema: twoFactorChallengeSchema, action: verifyTwoFactorCode, defaultValues: { code: '' }, permalink });
  return (
    <ActionForm state={state} className="space-y-4">
      <FormError state={state} />
      <input type="hidden" name="next" value={next} />
      <FormField
        control={state.form.control}
        name="code"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t('code')}</FormLabel>
            <FormControl>
              <Input
                autoComplete="one-time-code"
                inputMode="numeric"
                pattern="[0-9]*"
                maxLength={6}
                autoFocus
                className="text-center font-mono text-lg tracking-[0.5em]"
                {...field}
              />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      {/* A native checkbox: it is sent with the form even before JavaScript has loaded. */}
      <div className="flex items-center gap-2">
        <input id={trustId} type="checkbox" name="trustDevice" value="on" className="size-4 accent-primary" />
        <label htmlFor={trustId} className="text-sm">
          {t('trustDevice')}
        </label>
      </div>
      <Button type="submit" className="w-full" loading={state.pending} loadingLabel={t('submitting')}>
        {t('submit')}
      </Button>
    </ActionForm>
  );
}

/** The way in when the authenticator app is lost: one of the saved recovery codes (each works once). */
export function RecoveryCodeForm({ next, permalink }: { next: string; permalink: string }) {
  const t = useTranslations('auth.twoFactor');
  const state = useActionForm({ schema: recoveryCodeChallengeSchema, action: verifyRecoveryCode, defaultValues: { code: '' }, permalink });
  return (
    <ActionForm state={state} className="space-y-4">
      <FormError state={state} />
      <input type="hidden" name="next" value={next} />
      <FormField
        control={state.form.control}
        name="code"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t('recoveryCode')}</FormLabel>
            <FormControl>
              <Input autoComplete="off" autoCapitalize="none" spellCheck={false} autoFocus className="font-mono" {...field} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <Button type="submit" className="w-full" loading={state.pending} loadingLabel={t('submitting')}>
        {t('submit')}
      </Button>
    </ActionForm>
  );
}
