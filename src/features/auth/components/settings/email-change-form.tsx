'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Alert, AlertDescription, AlertTitle } from '@/ui/alert';
import { Button } from '@/ui/button';
import { TextField } from '@/ui/form';
import { changeEmailSchema } from '../../schemas';
import { requestEmailChange } from '../../server/email-change-actions';

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
      <FormError state={state} fields={['email', 'password']} />
      <TextField
        control={state.form.control}
        name="email"
        label={t('newEmail')}
        type="email"
        autoComplete="email"
        className="sm:max-w-sm"
      />
      {requirePassword ? (
        <TextField
          control={state.form.control}
          name="password"
          label={tSettings('currentPassword')}
          description={t('passwordHint')}
          type="password"
          autoComplete="current-password"
          className="sm:max-w-sm"
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
