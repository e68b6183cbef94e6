'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { TextField } from '@/ui/form';
import { PASSWORD_MIN_LENGTH, signUpSchema } from '../schemas';
import { signUp } from '../server/sign-up-actions';
import { PasswordInput } from './password-input';

/** Email and password; on success the action goes on to "check your inbox" (or onboarding). */
/** `email` prefills the address (an invitation link passes the invited one). */
export function SignUpForm({ next, permalink, email = '' }: { next: string; permalink: string; email?: string }) {
  const t = useTranslations('auth');
  const state = useActionForm({
    schema: signUpSchema,
    action: signUp,
    defaultValues: { email, password: '' },
    permalink,
  });
  return (
    <ActionForm state={state} className="space-y-4">
      <FormError state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField
        control={state.form.control}
        name="email"
        label={t('fields.email')}
        type="email"
        autoComplete="email"
        inputMode="email"
      />
      <TextField
        control={state.form.control}
        name="password"
        label={t('fields.password')}
        description={t('fields.passwordRules', { minimum: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        input={(props) => <PasswordInput toggleLabel={t('fields.showPassword')} {...props} />}
      />
      <Button type="submit" className="w-full" loading={state.pending} loadingLabel={t('signUp.submitting')}>
        {t('signUp.submit')}
      </Button>
    </ActionForm>
  );
}
