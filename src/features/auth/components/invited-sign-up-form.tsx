'use client';

import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/platform/http/errors';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { Input } from '@/ui/input';
import { Label } from '@/ui/label';
import { TextField } from '@/ui/form';
import { invitedSignUpSchema, PASSWORD_MIN_LENGTH } from '../schemas';
import { PasswordInput } from './password-input';

/**
 * Signing up from an emailed invitation (decision 0051): the invited address,
 * shown and not editable, a name and a password, once. `action` makes the
 * account, accepts the invitation and signs in (the organizations feature's).
 */
export function InvitedSignUpForm({
  token,
  email,
  permalink,
  action,
}: {
  token: string;
  email: string;
  permalink: string;
  action: (previous: ActionResult<unknown> | null, input: FormData) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations('auth');
  const state = useActionForm({
    schema: invitedSignUpSchema,
    action,
    defaultValues: { token, name: '', password: '' },
    permalink,
  });
  return (
    <ActionForm state={state} className="space-y-4" aria-label={t('invitedSignUp.submit')}>
      <FormError state={state} />
      <input type="hidden" name="token" value={token} />
      <div className="grid gap-2">
        <Label htmlFor="invited-email">{t('fields.email')}</Label>
        <Input id="invited-email" type="email" value={email} readOnly aria-readonly="true" autoComplete="username" />
      </div>
      <TextField control={state.form.control} name="name" label={t('invitedSignUp.name')} autoComplete="name" />
      <TextField
        control={state.form.control}
        name="password"
        label={t('fields.password')}
        description={t('fields.passwordRules', { minimum: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        input={(props) => <PasswordInput toggleLabel={t('fields.showPassword')} {...props} />}
      />
      <Button type="submit" className="w-full" loading={state.pending} loadingLabel={t('invitedSignUp.submitting')}>
        {t('invitedSignUp.submit')}
      </Button>
    </ActionForm>
  );
}
