'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Alert, AlertDescription } from '@/ui/alert';
import { Button } from '@/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/ui/dialog';
import { TextField } from '@/ui/form';
import { deleteAccountSchema } from '../../schemas';
import { deleteAccount } from '../../server/settings-actions';

/**
 * Deleting the account: a dialog that asks for the password (or relies on a
 * recent sign-in for accounts without one) and the email typed out. On
 * success the action signs out and sends the browser home.
 */
export function DeleteAccountDialog({ email, requirePassword, recentSignInMinutes }: { email: string; requirePassword: boolean; recentSignInMinutes: number }) {
  const t = useTranslations('settings.account.delete');
  const tSettings = useTranslations('settings');
  const state = useActionForm({
    schema: deleteAccountSchema,
    action: deleteAccount,
    defaultValues: requirePassword ? { password: '', confirmation: '' } : { confirmation: '' },
  });

  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="destructive">{t('open')}</Button>
      </DialogTrigger>
      <DialogContent closeLabel={tSettings('cancel')}>
        <DialogHeader>
          <DialogTitle>{t('dialogTitle')}</DialogTitle>
          <DialogDescription>{t('dialogDescription')}</DialogDescription>
        </DialogHeader>
        <ActionForm state={state} className="grid gap-4" aria-label={t('dialogTitle')}>
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
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">{tSettings('cancel')}</Button>
            </DialogClose>
            <Button type="submit" variant="destructive" loading={state.pending} loadingLabel={t('submitting')}>
              {t('submit')}
            </Button>
          </DialogFooter>
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
