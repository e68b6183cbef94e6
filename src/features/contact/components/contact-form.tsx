'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Alert, AlertDescription } from '@/ui/alert';
import { Button } from '@/ui/button';
import { FormControl, FormField, FormItem, FormLabel, FormMessage, TextField } from '@/ui/form';
import { Textarea } from '@/ui/textarea';
import { contactRequestSchema } from '../schemas';
import { sendContactRequest } from '../server/actions';

/** `path`: the contact page's URL in the page's language (`/contact`, `/es/contact`), where the form comes back. */
export function ContactForm({ path }: { path: string }) {
  const t = useTranslations('contact');
  const state = useActionForm({
    schema: contactRequestSchema,
    action: sendContactRequest,
    defaultValues: { name: '', email: '', message: '' },
    permalink: path,
  });

  if (state.result?.ok) {
    return (
      <Alert variant="success" role="status">
        <AlertDescription>
          <p>{t('success', { name: state.result.data.name })}</p>
          {/* A full page load, not <Link>: a client navigation to the same page would keep this message. */}
          <a className="mt-2 inline-block font-medium text-link underline" href={path}>
            {t('sendAnother')}
          </a>
        </AlertDescription>
      </Alert>
    );
  }

  return (
    <ActionForm state={state} className="space-y-5" aria-label={t('title')}>
      <FormError state={state} />
      <TextField control={state.form.control} name="name" label={t('name')} autoComplete="name" maxLength={100} />
      <TextField control={state.form.control} name="email" label={t('email')} type="email" autoComplete="email" />
      {/* Written out: TextField renders single-line inputs. */}
      <FormField
        control={state.form.control}
        name="message"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t('message')}</FormLabel>
            <FormControl>
              <Textarea rows={5} {...field} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <Button type="submit" loading={state.pending} loadingLabel={t('submitting')}>
        {t('submit')}
      </Button>
    </ActionForm>
  );
}
