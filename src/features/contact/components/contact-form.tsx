'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, FieldError, FormError, SubmitButton } from '@/platform/http/client/action-form';
import { sendContactRequest } from '../server/actions';

const inputClass =
  'w-full rounded-md border border-border bg-background px-3 py-2 text-foreground shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary aria-[invalid=true]:border-danger';

export function ContactForm() {
  const t = useTranslations('contact');
  return (
    <ActionForm action={sendContactRequest} permalink="/contact" className="space-y-5" aria-label={t('title')}>
      {(result) =>
        result?.ok ? (
          <div role="status" className="rounded-md border border-success/40 bg-success/10 p-4 text-foreground">
            <p>{t('success', { name: result.data.name })}</p>
            <a className="mt-2 inline-block text-primary underline" href="/contact">
              {t('sendAnother')}
            </a>
          </div>
        ) : (
          <>
            <FormError className="rounded-md border border-danger/40 bg-danger/10 p-3 text-sm text-foreground" />
            <Field name="name" label={t('name')} invalid={hasError(result, 'name')}>
              <input id="name" name="name" autoComplete="name" className={inputClass} required maxLength={100} aria-invalid={hasError(result, 'name')} aria-describedby="name-error" />
            </Field>
            <Field name="email" label={t('email')} invalid={hasError(result, 'email')}>
              <input id="email" name="email" type="email" autoComplete="email" className={inputClass} required aria-invalid={hasError(result, 'email')} aria-describedby="email-error" />
            </Field>
            <Field name="message" label={t('message')} invalid={hasError(result, 'message')}>
              <textarea id="message" name="message" rows={5} className={inputClass} required aria-invalid={hasError(result, 'message')} aria-describedby="message-error" />
            </Field>
            <SubmitButton
              pendingLabel={t('submitting')}
              className="rounded-md bg-primary px-4 py-2 font-medium text-primary-foreground hover:bg-primary/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary disabled:opacity-60"
            >
              {t('submit')}
            </SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}

function hasError(result: Awaited<ReturnType<typeof sendContactRequest>> | null, field: string) {
  return Boolean(result && !result.ok && result.error.fieldErrors?.[field]);
}

function Field({ name, label, children }: { name: string; label: string; invalid: boolean; children: React.ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={name} className="block text-sm font-medium text-foreground">
        {label}
      </label>
      {children}
      <FieldError name={name} className="text-sm text-danger" />
    </div>
  );
}
