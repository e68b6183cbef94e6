'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { TextField } from '@/ui/form';
import { confirmEmailSchema } from '../schemas';
import { confirmEmail } from '../server/sign-up-actions';
import { PasswordInput } from './password-input';

/** The password of the new account, sent with the emailed link's token: confirms the address and signs in. */
export function ConfirmEmailForm({
  token,
  next,
  email,
  permalink,
}: {
  token: string;
  next: string;
  email: string;
  permalink: string;
}) {
  const t = useTranslations('auth');
  const state = useActionForm({
    schema: confirmEmailSchema,
    action: confirmEmail,
    defaultValues: { token, password: '', next },
    permalink,
  });
  return (
    <ActionForm state={state} className="space-y-4">
      <FormError state={state} fields={['password']} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="next" value={next} />
      {/* Lets password managers fill the right account. */}
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <TextField
        control={state.form.control}
        name="password"
        label={t('fields.password')}
        autoComplete="current-password"
        input={(props) => <PasswordInput toggleLabel={t('fields.showPassword')} {...props} />}
      />
      <Button type="submit" className="w-full" loading={state.pending} loadingLabel={t('confirmEmail.submitting')}>
        {t('confirmEmail.submit')}
      </Button>
    </ActionForm>
  );
}
