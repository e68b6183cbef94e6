'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ActionForm, useActionForm } from '@/platform/http/client/action-form';
import { Alert, AlertDescription, AlertTitle } from '@/ui/alert';
import { Button } from '@/ui/button';
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from '@/ui/form';
import { Input } from '@/ui/input';
import { changeEmailSchema } from '../../schemas';
import { requestEmailChange } from '../../server/settings-actions';
import { SettingsFormError } from './settings-form-error';

/** Asks for a new address (and the password, when the account has one); the change waits for the emailed link. */
export function EmailChangeForm({ requirePassword }: { requirePassword: boolean }) {
  const t = useTranslations('settings.account.email');
  const tSettings = useTranslations('settings');
  const router = useRouter();
  const state = useActionForm({
    schema: changeEmailSchema,
    action: requestEmailChange,
    defaultValues: requirePassword ? { email: '', password: '' } : { email: '' },
    permalink: '/settings/account',
    onSuccess: () => {
      state.form.reset();
      router.refresh();
    },
  });

  return (
    <ActionForm state={state} className="grid gap-4" aria-label={t('title')}>
      {state.result?.ok ? (
        <Alert variant="success">
          <AlertTitle>{t('sentTitle')}</AlertTitle>
          <AlertDescription>
            <p>{t('sent', { email: state.result.data.email })}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <SettingsFormError result={state.result} fields={['email', 'password']} />
      <FormField
        control={state.form.control}
        name="email"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t('newEmail')}</FormLabel>
            <FormControl>
              <Input type="email" autoComplete="email" className="sm:max-w-sm" {...field} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      {requirePassword ? (
        <FormField
          control={state.form.control}
          name="password"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{tSettings('currentPassword')}</FormLabel>
              <FormControl>
                <Input type="password" autoComplete="current-password" className="sm:max-w-sm" {...field} value={field.value ?? ''} />
              </FormControl>
              <FormDescription>{t('passwordHint')}</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
      ) : null}
      <div>
        <Button type="submit" loading={state.pending} loadingLabel={t('submitting')}>
          {t('submit')}
        </Button>
      </div>
    </ActionForm>
  );
}
