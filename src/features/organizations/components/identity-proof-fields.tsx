'use client';

import { useTranslations } from 'next-intl';
import type { Control, FieldValues, Path } from 'react-hook-form';
import { Alert, AlertDescription } from '@/ui/alert';
import { TextField } from '@/ui/form';

/**
 * How the viewer proves it is them (the server's confirmIdentity rule): their
 * password; without one, a code from their authenticator app; without either,
 * a recent sign-in.
 */
export type IdentityProof = 'password' | 'code' | 'recentSignIn';

/** The proof's default form values: the one field it needs, empty. */
export function identityProofDefaults(proof: IdentityProof): { password?: string; code?: string } {
  return proof === 'password' ? { password: '' } : proof === 'code' ? { code: '' } : {};
}

/** The field (or the note) that asks who is there, for forms whose action calls confirmIdentity. */
export function IdentityProofFields<V extends FieldValues>({
  control,
  proof,
  recentSignInMinutes,
}: {
  control: Control<V>;
  proof: IdentityProof;
  recentSignInMinutes: number;
}) {
  const t = useTranslations('organizations.identity');
  if (proof === 'password') {
    return (
      <TextField
        control={control}
        name={'password' as Path<V>}
        label={t('password')}
        type="password"
        autoComplete="current-password"
      />
    );
  }
  if (proof === 'code') {
    return (
      <TextField
        control={control}
        name={'code' as Path<V>}
        label={t('code')}
        description={t('codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={6}
        className="font-mono tracking-widest sm:max-w-40"
      />
    );
  }
  return (
    <Alert>
      <AlertDescription>
        <p>{t('recentSignIn', { minutes: recentSignInMinutes })}</p>
      </AlertDescription>
    </Alert>
  );
}
