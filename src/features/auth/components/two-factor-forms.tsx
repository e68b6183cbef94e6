'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { TextField } from '@/ui/form';
import { recoveryCodeChallengeSchema, twoFactorChallengeSchema } from '../schemas';
import { verifyRecoveryCode, verifyTwoFactorCode } from '../server/sign-in-actions';

/** The second step of signing in: the 6-digit code of the authenticator app. */
export function TwoFactorCodeForm({ next, permalink }: { next: string; permalink: string }) {
  const t = useTranslations('auth.twoFactor');
  const trustId = useId();
  const state = useActionForm({
    schema: twoFactorChallengeSchema,
    action: verifyTwoFactorCode,
    defaultValues: { code: '' },
    permalink,
  });
  return (
    <ActionForm state={state} className="space-y-4">
      <FormError state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField
        control={state.form.control}
        name="code"
        label={t('code')}
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={6}
        autoFocus
        className="text-center font-mono text-lg tracking-[0.5em]"
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
  const state = useActionForm({
    schema: recoveryCodeChallengeSchema,
    action: verifyRecoveryCode,
    defaultValues: { code: '' },
    permalink,
  });
  return (
    <ActionForm state={state} className="space-y-4">
      <FormError state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField
        control={state.form.control}
        name="code"
        label={t('recoveryCode')}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        className="font-mono"
      />
      <Button type="submit" className="w-full" loading={state.pending} loadingLabel={t('submitting')}>
        {t('submit')}
      </Button>
    </ActionForm>
  );
}
