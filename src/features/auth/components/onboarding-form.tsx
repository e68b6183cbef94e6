'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { TextField } from '@/ui/form';
import { onboardingSchema } from '../schemas';
import { completeOnboarding } from '../server/sign-up-actions';

/** The first step after signing up: a name. The action then opens the app (or `next`). */
export function OnboardingForm({
  defaultName,
  next,
  permalink,
}: {
  defaultName: string;
  next: string;
  permalink: string;
}) {
  const t = useTranslations('auth.onboarding');
  const state = useActionForm({
    schema: onboardingSchema,
    action: completeOnboarding,
    defaultValues: { name: defaultName },
    permalink,
  });
  return (
    <ActionForm state={state} className="space-y-4">
      <FormError state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField
        control={state.form.control}
        name="name"
        label={t('name')}
        autoComplete="name"
        maxLength={100}
        autoFocus
      />
      <Button type="submit" className="w-full" loading={state.pending} loadingLabel={t('submitting')}>
        {t('submit')}
      </Button>
    </ActionForm>
  );
}
