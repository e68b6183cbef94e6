'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Alert, AlertDescription } from '@/ui/alert';
import { Button } from '@/ui/button';
import { TextField } from '@/ui/form';
import { changePasswordSchema } from '../../schemas';
import { changePassword, sendPasswordSetupLink } from '../../server/password-actions';
import { ActionButtonForm } from '@/platform/http/client/action-button-form';

/** Current and new password; other sessions are signed out on success. */
export function ChangePasswordForm() {
  const t = useTranslations('settings.security.password');
  const tSettings = useTranslations('settings');
  const router = useRouter();
  const state = useActionForm({
    schema: changePasswordSchema,
    action: changePassword,
    defaultValues: { currentPassword: '', newPassword: '' },
    permalink: '/settings/security',
    onSuccess: () => {
      state.form.reset();
      // The sessions list below changes: the others are gone.
      router.refresh();
    },
  });

  return (
    <ActionForm state={state} className="grid gap-4" aria-label={t('title')}>
      {state.result?.ok ? (
        <Alert variant="success">
          <AlertDescription>
            <p>{t('changed')}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <FormError state={state} fields={['currentPassword', 'newPassword']} />
      <TextField
        control={state.form.control}
        name="currentPassword"
        label={tSettings('currentPassword')}
        type="password"
        autoComplete="current-password"
        className="sm:max-w-sm"
      />
      <TextField
        control={state.form.control}
        name="newPassword"
        label={t('newPassword')}
        description={t('newPasswordHint')}
        type="password"
        autoComplete="new-password"
        className="sm:max-w-sm"
      />
      <div>
        <Button type="submit" loading={state.pending} loadingLabel={t('submitting')}>
          {t('submit')}
        </Button>
      </div>
    </ActionForm>
  );
}

/** For accounts without a password: the password-reset email, which adds one. */
export function PasswordSetup({ email }: { email: string }) {
  const t = useTranslations('settings.security.password');
  const [sent, setSent] = useState(false);
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground">{t('none')}</p>
      {sent ? (
        <Alert variant="success">
          <AlertDescription>
            <p>{t('setUpSent', { email })}</p>
          </AlertDescription>
        </Alert>
      ) : (
        <ActionButtonForm
          action={sendPasswordSetupLink}
          permalink="/settings/security"
          label={t('setUp')}
          pendingLabel={t('setUpSending')}
          size="md"
          onSuccess={() => setSent(true)}
        />
      )}
    </div>
  );
}
