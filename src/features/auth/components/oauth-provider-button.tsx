'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { OAuthProvider } from '@/platform/config/constants';
import { CsrfField } from '@/platform/http/client/csrf-token-provider';
import { Alert, AlertDescription } from '@/ui/alert';
import { Button } from '@/ui/button';
import { signInWithProvider } from '../server/oauth-actions';

/** A form with one button: the action sends the browser to the provider (or says why it cannot). */
export function OAuthProviderButton({
  provider,
  next,
  label,
}: {
  provider: OAuthProvider;
  next: string;
  label: string;
}) {
  const t = useTranslations('auth.oauth');
  const [result, action, pending] = useActionState(signInWithProvider, null);
  return (
    <form action={action} className="space-y-2">
      <CsrfField />
      <input type="hidden" name="provider" value={provider} />
      <input type="hidden" name="next" value={next} />
      <Button
        type="submit"
        variant="outline"
        className="w-full"
        loading={pending}
        loadingLabel={t('redirecting')}
        data-provider={provider}
      >
        {label}
      </Button>
      {result && !result.ok ? (
        <Alert variant="destructive" data-error-code={result.error.code}>
          <AlertDescription>
            <p>{result.error.message}</p>
          </AlertDescription>
        </Alert>
      ) : null}
    </form>
  );
}
