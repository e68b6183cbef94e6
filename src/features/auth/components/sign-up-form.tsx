'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from '@/ui/form';
import { Input } from '@/ui/input';
import { PASSWORD_MIN_LENGTH, signUpSchema } from '../schemas';
import { signUp } from '../server/actions';
import { PasswordInput } from './password-input';

/** Email and password; on success the action goes on to "check your inbox" (or onboarding). */
export function SignUpForm({ next, permalink }: { next: string; permalink: string }) {
  const t = useTranslations('auth');
  const state = useActionForm({ schema: signUpSchema, action: signUp, defaultValues: { email: '', password: '' }, permalink });
  return (
    <ActionForm state={state} className="space-y-4">
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
      <FormField
        control={state.form.control}
        name="password"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t('fields.password')}</FormLabel>
            <FormControl>
              <PasswordInput autoComplete="new-password" toggleLabel={t('fields.showPassword')} {...field} />
            </FormControl>
            <FormDescription>{t('fields.passwordRules', { minimum: PASSWORD_MIN_LENGTH })}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      <Button type="submit" className="w-full" loading={state.pending} loadingLabel={t('signUp.submitting')}>
        {t('signUp.submit')}
      </Button>
    </ActionForm>
  );
}
