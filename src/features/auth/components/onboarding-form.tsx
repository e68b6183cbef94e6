'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from '@/ui/form';
import { Input } from '@/ui/input';
import { onboardingSchema } from '../schemas';
import { completeOnboarding } from '../server/actions';

/** The first step after signing up: a name. The action then opens the app (or `next`). */
export function OnboardingForm({ defaultName, next, permalink }: { defaultName: string; next: string; permalink: string }) {
  const t = useTranslations('auth.onboarding');
  const state = useActionForm({ schema: onboardingSchema, action: completeOnboarding, defaultValues: { name: defaultName }, permalink });
  return (
    <ActionForm state={state} className="space-y-4">
      <FormError state={state} />
      <input type="hidden" name="next" value={next} />
      <FormField
        control={state.form.control}
        name="name"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t('name')}</FormLabel>
            <FormControl>
              <Input autoComplete="name" maxLength={100} autoFocus {...field} />
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
