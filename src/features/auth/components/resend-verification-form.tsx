'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Alert, AlertDescription } from '@/ui/alert';
import { Button } from '@/ui/button';
import { TextField } from '@/ui/form';
import { emailOnlySchema } from '../schemas';
import { resendVerificationEmail } from '../server/sign-up-actions';

/**
 * Sends the confirmation email again. With `email` (the address just signed
 * up with) it is one button; without, it asks for the address. Rate limits
 * answer with a message saying how long to wait.
 */
export function ResendVerificationForm({
  email,
  next,
  permalink,
}: {
  email?: string;
  next: string;
  permalink: string;
}) {
  const t = useTranslations('auth');
  const labels = email
    ? {
        submit: t('verifyEmail.resend'),
        submitting: t('verifyEmail.resending'),
        sent: (to: string) => t('verifyEmail.resent', { email: to }),
      }
    : {
        submit: t('verified.send'),
        submitting: t('verified.sending'),
        sent: (to: string) => t('verified.sent', { email: to }),
      };
  const state = useActionForm({
    schema: emailOnlySchema,
    action: resendVerificationEmail,
    defaultValues: { email: email ?? '' },
    permalink,
  });
  const sentTo = state.result?.ok ? state.result.data.email : null;
  return (
    <ActionForm state={state} className="space-y-4">
      {sentTo ? (
        <Alert variant="success">
          <AlertDescription>
            <p>{labels.sent(sentTo)}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <FormError state={state} />
      <input type="hidden" name="next" value={next} />
      {email ? (
        <input type="hidden" name="email" value={email} />
      ) : (
        <TextField
          control={state.form.control}
          name="email"
          label={t('fields.email')}
          type="email"
          autoComplete="email"
          inputMode="email"
        />
      )}
      <Button
        type="submit"
        variant={email ? 'outline' : 'default'}
        className="w-full"
        loading={state.pending}
        loadingLabel={labels.submitting}
      >
        {labels.submit}
      </Button>
    </ActionForm>
  );
}
