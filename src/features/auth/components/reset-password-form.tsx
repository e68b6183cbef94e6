'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { TextField } from '@/ui/form';
import { PASSWORD_MIN_LENGTH, resetPasswordSchema } from '../schemas';
import { resetPassword } from '../server/password-reset-actions';
import { PasswordInput } from './password-input';

/** The new password for the account of an emailed reset link; the action then sends the user to sign in. */
export function ResetPasswordForm({
  token,
  permalink,
  requestNewHref,
}: {
  token: string;
  permalink: string;
  requestNewHref: string;
}) {
  const t = useTranslations('auth');
  const state = useActionForm({
    schema: resetPasswordSchema,
    action: resetPassword,
    defaultValues: { token, password: '' },
    permalink,
  });
  // The link can expire (or be used in another tab) while the page is open.
  const linkFailed = state.result && !state.result.ok && state.result.error.code === 'BAD_REQUEST';
  return (
    <ActionForm state={state} className="space-y-4">
      <FormError state={state} />
      {linkFailed ? (
        <Link href={requestNewHref} className="block text-sm font-medium text-link underline-offset-4 hover:underline">
          {t('resetPassword.requestNew')}
        </Link>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <TextField
        control={state.form.control}
        name="password"
        label={t('fields.newPassword')}
        description={t('fields.passwordRules', { minimum: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        input={(props) => <PasswordInput toggleLabel={t('fields.showPassword')} {...props} />}
      />
      <Button type="submit" className="w-full" loading={state.pending} loadingLabel={t('resetPassword.submitting')}>
        {t('resetPassword.submit')}
      </Button>
    </ActionForm>
  );
}
