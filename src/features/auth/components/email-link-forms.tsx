'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { TextField } from '@/ui/form';
import { emailOnlySchema } from '../schemas';
import { requestMagicLink } from '../server/magic-link-actions';
import { requestPasswordReset } from '../server/password-reset-actions';
import { SentNotice } from './sent-notice';

/** Asks for a password reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm({ permalink }: { permalink: string }) {
  const t = useTranslations('auth');
  return (
    <EmailLinkForm
      action={requestPasswordReset}
      permalink={permalink}
      words={{
        sentTitle: t('forgotPassword.sentTitle'),
        sent: (email) => t('forgotPassword.sent', { email }),
        submit: t('forgotPassword.submit'),
        submitting: t('forgotPassword.submitting'),
      }}
    />
  );
}

/** Asks for a sign-in link by email (it also creates the account of a new address). */
export function MagicLinkForm({
  next,
  permalink,
  minutes,
  description,
}: {
  next: string;
  permalink: string;
  minutes: number;
  description?: string;
}) {
  const t = useTranslations('auth');
  return (
    <EmailLinkForm
      action={requestMagicLink}
      permalink={permalink}
      next={next}
      intro={description ?? t('magicLink.description')}
      words={{
        sentTitle: t('magicLink.sentTitle'),
        sent: (email) => t('magicLink.sent', { email, minutes }),
        submit: t('magicLink.submit'),
        submitting: t('magicLink.submitting'),
      }}
    />
  );
}

/**
 * The form both of them are: an email address, then "check your inbox" in
 * place of the form. "Use another email address" brings the empty form back
 * (without JavaScript, it loads the form's page again).
 */
function EmailLinkForm({
  action,
  permalink,
  next,
  intro,
  words,
}: {
  action: typeof requestPasswordReset | typeof requestMagicLink;
  permalink: string;
  /** Where to go once signed in; sent along when given. */
  next?: string;
  /** A line above the form. */
  intro?: string;
  words: { sentTitle: string; sent: (email: string) => string; submit: string; submitting: string };
}) {
  const t = useTranslations('auth');
  const state = useActionForm({ schema: emailOnlySchema, action, defaultValues: { email: '' }, permalink });
  // The result the visitor chose to leave behind ("use another email address").
  const [dismissed, setDismissed] = useState<unknown>(null);

  if (state.result?.ok && state.result !== dismissed) {
    const result = state.result;
    return (
      <SentNotice
        title={words.sentTitle}
        again={{ href: permalink, label: t('magicLink.otherEmail'), onClick: () => setDismissed(result) }}
      >
        {words.sent(result.data.email)}
      </SentNotice>
    );
  }

  return (
    <ActionForm state={state} className="space-y-4">
      {intro ? <p className="text-sm text-muted-foreground">{intro}</p> : null}
      <FormError state={state} />
      {next === undefined ? null : <input type="hidden" name="next" value={next} />}
      <TextField
        control={state.form.control}
        name="email"
        label={t('fields.email')}
        type="email"
        autoComplete="email"
        inputMode="email"
      />
      <Button type="submit" className="w-full" loading={state.pending} loadingLabel={words.submitting}>
        {words.submit}
      </Button>
    </ActionForm>
  );
}
