'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Alert, AlertDescription } from '@/ui/alert';
import { Button } from '@/ui/button';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { TextField } from '@/ui/form';
import { deleteAccountSchema } from '../../schemas';
import { deleteAccount } from '../../server/account-deletion-actions';

/**
 * Deleting the account: a confirm dialog that asks for the password (or relies on a
 * recent sign-in for accounts without one) and the email typed out. On
 * success the action signs out and sends the browser home.
 */
export function DeleteAccountDialog({
  email,
  requirePassword,
  recentSignInMinutes,
}: {
  email: string;
  requirePassword: boolean;
  recentSignInMinutes: number;
}) {
  const t = useTranslations('settings.account.delete');
  const tSettings = useTranslations('settings');
  const state = useActionForm({
    schema: deleteAccountSchema,
    action: deleteAccount,
    defaultValues: requirePassword ? { password: '', confirmation: '' } : { confirmation: '' },
  });

  return (
    <ConfirmDialog
      trigger={<Button variant="destructive">{t('open')}</Button>}
      title={t('dialogTitle')}
      description={t('dialogDescription')}
      cancelLabel={tSettings('cancel')}
      confirmLabel={t('submit')}
      pendingLabel={t('submitting')}
      pending={state.pending}
      form={(content) => (
        <ActionForm state={state} className="grid gap-4" aria-label={t('dialogTitle')}>
          {content}
        </ActionForm>
      )}
    >
      <FormError state={state} fields={['password', 'confirmation']} />
      {requirePassword ? (
        <TextField
          control={state.form.control}
          name="password"
          label={tSettings('currentPassword')}
          type="password"
          autoComplete="current-password"
        />
      ) : (
        <Alert>
          <AlertDescription>
            <p>{t('recentSignIn', { minutes: recentSignInMinutes })}</p>
          </AlertDescription>
        </Alert>
      )}
      <TextField
        control={state.form.control}
        name="confirmation"
        label={t('confirmationLabel', { email })}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
      />
    </ConfirmDialog>
  );
}
