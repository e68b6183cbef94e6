'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { FormControl, FormField, FormItem, FormLabel, FormMessage, TextField } from '@/ui/form';
import { signInSchema } from '../schemas';
import { signIn } from '../server/sign-in-actions';
import { PasswordInput } from './password-input';

/** Email and password. The action goes on to `next`, two-factor, or "confirm your email". */
export function SignInForm({
  next,
  permalink,
  forgotPasswordHref,
  email = '',
}: {
  next: string;
  permalink: string;
  forgotPasswordHref: string;
  /** Prefills the address (an invitation link passes the invited one). */
  email?: string;
}) {
  const t = useTranslations('auth');
  const state = useActionForm({
    schema: signInSchema,
    action: signIn,
    defaultValues: { email, password: '' },
    permalink,
  });
  return (
    <ActionForm state={state} className="space-y-4">
      <FormError state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField
        control={state.form.control}
        name="email"
        label={t('fields.email')}
        type="email"
        autoComplete="username"
        inputMode="email"
      />
      {/* Written out: the label shares its row with the "Forgot password?" link. */}
      <FormField
        control={state.form.control}
        name="password"
        render={({ field }) => (
          <FormItem>
            <div className="flex items-center justify-between gap-2">
              <FormLabel>{t('fields.password')}</FormLabel>
              <Link
                href={forgotPasswordHref}
                className="text-sm font-medium text-link underline-offset-4 hover:underline"
              >
                {t('signIn.forgotPassword')}
              </Link>
            </div>
            <FormControl>
              <PasswordInput autoComplete="current-password" toggleLabel={t('fields.showPassword')} {...field} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <Button type="submit" className="w-full" loading={state.pending} loadingLabel={t('signIn.submitting')}>
        {t('signIn.submit')}
      </Button>
    </ActionForm>
  );
}
