'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, useActionForm } from '@/platform/http/client/action-form';
import { Alert, AlertDescription } from '@/ui/alert';
import { Button } from '@/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/ui/dialog';
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from '@/ui/form';
import { Input } from '@/ui/input';
import { deleteAccountSchema } from '../../schemas';
import { deleteAccount } from '../../server/settings-actions';
import { SettingsFormError } from './settings-form-error';

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
          <SettingsFormError result={state.result} fields={['password', 'confirmation']} />
          {requirePassword ? (
            <FormField
              control={state.form.control}
              name="password"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{tSettings('currentPassword')}</FormLabel>
                  <FormControl>
                    <Input type="password" autoComplete="current-password" {...field} value={field.value ?? ''} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
          ) : (
            <Alert>
              <AlertDescription>
                <p>{t('recentSignIn', { minutes: recentSignInMinutes })}</p>
              </AlertDescription>
            </Alert>
          )}
          <FormField
            control={state.form.control}
            name="confirmation"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t('confirmationLabel', { email })}</FormLabel>
                <FormControl>
                  <Input autoComplete="off" autoCapitalize="none" spellCheck={false} {...field} />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
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
