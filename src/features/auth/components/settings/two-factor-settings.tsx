'use client';

import Image from 'next/image';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Control } from 'react-hook-form';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Badge } from '@/ui/badge';
import { Button } from '@/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/ui/dialog';
import { TextField } from '@/ui/form';
import { toast } from '@/ui/toast';
import {
  confirmTwoFactorSchema,
  disableTwoFactorSchema,
  enableTwoFactorSchema,
  regenerateRecoveryCodesSchema,
} from '../../schemas';
import {
  confirmTwoFactorSetup,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startTwoFactorSetup,
} from '../../server/two-factor-actions';
import { RecoveryCodes } from './recovery-codes';

const PERMALINK = '/settings/security';

interface TwoFactorSettingsProps {
  enabled: boolean;
  recoveryCodesLeft: number;
  /** Accounts with a password confirm with it; the others with a code from their app. */
  requirePassword: boolean;
  /** For the header of the downloaded recovery codes file. */
  email: string;
  siteName: string;
}

/**
 * Two-factor authentication, step by step: confirm it is you → scan the QR
 * code (or type the key) → enter a code → save the recovery codes. When on:
 * how many recovery codes are left, new codes, turning it off.
 *
 * The action states live here, not in the steps: turning two-factor on or off
 * replaces the session cookie, so Next.js renders the page again in the same
 * response, and the step that sent the form is already gone when its result
 * arrives.
 */
export function TwoFactorSettings({
  enabled,
  recoveryCodesLeft,
  requirePassword,
  email,
  siteName,
}: TwoFactorSettingsProps) {
  const t = useTranslations('settings.security.twoFactor');
  const router = useRouter();
  // Recovery codes just made (on turning on, or on request): shown until the user says they saved them.
  const [codes, setCodes] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<'regenerate' | 'disable' | null>(null);
  const identityDefaults = requirePassword ? { password: '' } : { code: '' };

  const confirm = useActionForm({
    schema: confirmTwoFactorSchema,
    action: confirmTwoFactorSetup,
    defaultValues: { code: '' },
    permalink: PERMALINK,
    onSuccess: (data) => {
      toast.success({ title: t('enabled') });
      setCodes(data.recoveryCodes);
    },
  });
  const regenerate = useActionForm({
    schema: regenerateRecoveryCodesSchema,
    action: regenerateRecoveryCodes,
    defaultValues: identityDefaults,
    onSuccess: (data) => {
      setDialog(null);
      regenerate.form.reset();
      setCodes(data.recoveryCodes);
      router.refresh();
    },
  });
  const disable = useActionForm({
    schema: disableTwoFactorSchema,
    action: disableTwoFactor,
    defaultValues: identityDefaults,
    onSuccess: () => {
      setDialog(null);
      disable.form.reset();
      toast.success({ title: t('disabled') });
    },
  });

  const on = enabled || codes !== null;
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Badge variant={on ? 'success' : 'secondary'} data-testid="two-factor-status">
          {on ? t('on') : t('off')}
        </Badge>
        {enabled && !codes ? (
          <span className="text-sm text-muted-foreground">{t('recoveryCodesLeft', { count: recoveryCodesLeft })}</span>
        ) : null}
      </div>
      {codes ? (
        <RecoveryCodes codes={codes} email={email} siteName={siteName} onDone={() => setCodes(null)} />
      ) : enabled ? (
        <div className="flex flex-wrap gap-2">
          <IdentityDialog
            open={dialog === 'regenerate'}
            onOpenChange={(open) => setDialog(open ? 'regenerate' : null)}
            state={regenerate}
            trigger={t('regenerate')}
            title={t('regenerateTitle')}
            description={t('regenerateDescription')}
            submitLabel={t('regenerateSubmit')}
            requirePassword={requirePassword}
          />
          <IdentityDialog
            open={dialog === 'disable'}
            onOpenChange={(open) => setDialog(open ? 'disable' : null)}
            state={disable}
            trigger={t('disable')}
            title={t('disableTitle')}
            description={t('disableDescription')}
            submitLabel={t('disableSubmit')}
            destructive
            requirePassword={requirePassword}
          />
        </div>
      ) : (
        <TwoFactorSetup requirePassword={requirePassword} siteName={siteName} confirm={confirm} />
      )}
    </div>
  );
}

type ConfirmState = ReturnType<typeof useActionForm<typeof confirmTwoFactorSchema, { recoveryCodes: string[] }>>;

function TwoFactorSetup({
  requirePassword,
  siteName,
  confirm,
}: {
  requirePassword: boolean;
  siteName: string;
  confirm: ConfirmState;
}) {
  const t = useTranslations('settings.security.twoFactor');
  const tSettings = useTranslations('settings');
  const start = useActionForm({
    schema: enableTwoFactorSchema,
    action: startTwoFactorSetup,
    defaultValues: requirePassword ? { password: '' } : {},
    permalink: PERMALINK,
  });

  if (start.result?.ok) {
    const { qrCode, manualKey } = start.result.data;
    return (
      <div className="grid gap-4">
        <div className="grid gap-1">
          <h3 className="font-medium">{t('scanTitle')}</h3>
          <p className="text-sm text-muted-foreground">{t('scanDescription')}</p>
        </div>
        {/* Black on white in every theme: scanners need the contrast. */}
        <Image
          src={qrCode}
          alt={t('qrAlt', { siteName })}
          width={184}
          height={184}
          unoptimized
          className="rounded-md border bg-white p-1"
        />
        <div className="grid gap-1 text-sm">
          <p className="text-muted-foreground">{t('manualKey')}</p>
          <code
            data-testid="totp-manual-key"
            className="w-fit rounded-md bg-muted px-2 py-1 font-mono text-sm tracking-wider break-all"
          >
            {manualKey}
          </code>
        </div>
        <ActionForm state={confirm} className="grid gap-4" aria-label={t('confirm')}>
          <FormError state={confirm} fields={['code']} />
          <CodeField form={confirm} label={t('codeLabel')} hint={t('codeHint')} />
          <div>
            <Button type="submit" loading={confirm.pending} loadingLabel={t('confirming')}>
              {t('confirm')}
            </Button>
          </div>
        </ActionForm>
      </div>
    );
  }

  return (
    <ActionForm state={start} className="grid gap-4" aria-label={t('enable')}>
      <FormError state={start} fields={['password']} />
      {requirePassword ? (
        <TextField
          control={start.form.control}
          name="password"
          label={tSettings('currentPassword')}
          description={t('enableHint')}
          type="password"
          autoComplete="current-password"
          className="sm:max-w-sm"
        />
      ) : null}
      <div>
        <Button type="submit" loading={start.pending} loadingLabel={t('starting')}>
          {t('enable')}
        </Button>
      </div>
    </ActionForm>
  );
}

/** The state of the regenerate and disable forms (both ask for the password or a code). */
type IdentityState = ReturnType<typeof useActionForm<typeof disableTwoFactorSchema, unknown>>;

/** A dialog that confirms it is the user (password, or a current code) before a two-factor change. */
function IdentityDialog({
  open,
  onOpenChange,
  state,
  trigger,
  title,
  description,
  submitLabel,
  destructive = false,
  requirePassword,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  state: IdentityState;
  trigger: string;
  title: string;
  description: string;
  submitLabel: string;
  destructive?: boolean;
  requirePassword: boolean;
}) {
  const t = useTranslations('settings.security.twoFactor');
  const tSettings = useTranslations('settings');
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant={destructive ? 'outline' : 'secondary'}>{trigger}</Button>
      </DialogTrigger>
      <DialogContent closeLabel={tSettings('cancel')}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <ActionForm state={state} className="grid gap-4" aria-label={title}>
          <FormError state={state} fields={['password', 'code']} />
          {requirePassword ? (
            <TextField
              control={state.form.control}
              name="password"
              label={tSettings('currentPassword')}
              type="password"
              autoComplete="current-password"
            />
          ) : (
            <CodeField form={state} label={t('codeLabel')} hint={t('confirmWithCode')} />
          )}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="outline" onClick={() => onOpenChange(false)}>
              {tSettings('cancel')}
            </Button>
            <Button
              type="submit"
              variant={destructive ? 'destructive' : 'default'}
              loading={state.pending}
              loadingLabel={t('working')}
            >
              {submitLabel}
            </Button>
          </div>
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}

/** A six-digit code field: numeric keyboard on phones, one-time-code autofill. */
function CodeField({ form, label, hint }: { form: { form: { control: unknown } }; label: string; hint: string }) {
  return (
    <TextField
      control={form.form.control as Control<{ code?: string }>}
      name="code"
      label={label}
      description={hint}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={6}
      className="font-mono tracking-widest sm:max-w-40"
    />
  );
}
