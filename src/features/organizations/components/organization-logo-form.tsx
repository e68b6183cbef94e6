'use client';

import { Upload } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useEffect, useEffectEvent, useId, useRef, useState, useSyncExternalStore } from 'react';
import { CsrfField } from '@/platform/http/client/csrf-token-provider';
import { imageRuleValues } from '@/platform/images/image-rules';
import { Avatar } from '@/ui/avatar';
import { Button, buttonVariants } from '@/ui/button';
import { cn } from '@/ui/cn';
import { toast } from '@/ui/toast';
import { LOGO_ACCEPT, LOGO_IMAGE } from '../logo-rules';
import { removeOrganizationLogoAction, uploadOrganizationLogoAction } from '../server/logo-actions';

const subscribeNever = () => () => undefined;

/**
 * The organization's logo: choosing a file uploads it at once (the server
 * checks it, fits it into a square and re-encodes it). Before JavaScript runs,
 * it is a plain file field with an upload button. Without `canEdit`, the logo
 * is only shown.
 */
export function OrganizationLogoForm({
  organizationId,
  organizationName,
  logoUrl,
  canEdit,
}: {
  organizationId: string;
  organizationName: string;
  logoUrl: string | null;
  canEdit: boolean;
}) {
  const t = useTranslations('organizations.logo');
  const tErrors = useTranslations('errors');
  const router = useRouter();
  const hydrated = useSyncExternalStore(subscribeNever, () => true, () => false);
  const [uploaded, uploadAction, uploading] = useActionState(uploadOrganizationLogoAction, null);
  const [removed, removeAction, removing] = useActionState(removeOrganizationLogoAction, null);
  const [localError, setLocalError] = useState<string | null>(null);
  // Only the outcome of the latest attempt is shown.
  const [latest, setLatest] = useState<'upload' | 'remove'>('upload');
  const formRef = useRef<HTMLFormElement>(null);
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const limits = imageRuleValues(LOGO_IMAGE);

  const changed = useEffectEvent((message: string) => {
    toast.success({ title: message });
    // The page renders again with the new logo (here and wherever the organization is shown).
    router.refresh();
  });
  useEffect(() => {
    if (uploaded?.ok) changed(t('updated'));
  }, [uploaded, t]);
  useEffect(() => {
    if (removed?.ok) changed(t('removed'));
  }, [removed, t]);

  function onFileChosen(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > LOGO_IMAGE.maxBytes) {
      setLocalError(tErrors('image.tooLarge', limits));
      input.value = '';
      return;
    }
    setLocalError(null);
    setLatest('upload');
    const data = new FormData(formRef.current!);
    startTransition(() => uploadAction(data));
    input.value = '';
  }

  const uploadError = uploaded && !uploaded.ok ? (uploaded.error.fieldErrors?.logo?.join(' ') ?? uploaded.error.message) : null;
  const removeError = removed && !removed.ok ? removed.error.message : null;
  const error = localError ?? (latest === 'upload' ? uploadError : removeError);
  const pending = uploading || removing;
  const logo = (
    <Avatar
      name={organizationName || '?'}
      src={logoUrl}
      aria-label={t('imageLabel', { name: organizationName })}
      className="size-20 rounded-lg text-2xl"
    />
  );

  if (!canEdit) {
    return (
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
        {logo}
        <p className="text-sm text-muted-foreground">{t('readOnly')}</p>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
      {logo}
      <div className="grid gap-2">
        <div className="flex flex-wrap items-start gap-2">
          <form ref={formRef} action={uploadAction} className="flex flex-wrap items-center gap-2">
            <CsrfField />
            <input type="hidden" name="organizationId" value={organizationId} />
            {hydrated ? (
              <label
                htmlFor={inputId}
                className={cn(
                  buttonVariants({ variant: 'outline', size: 'sm' }),
                  'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring',
                  pending && 'pointer-events-none opacity-50',
                )}
              >
                <Upload aria-hidden />
                {uploading ? t('uploading') : logoUrl ? t('change') : t('upload')}
                <input
                  id={inputId}
                  type="file"
                  name="logo"
                  accept={LOGO_ACCEPT}
                  className="sr-only"
                  disabled={pending}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${hintId} ${errorId}` : hintId}
                  onChange={(event) => onFileChosen(event.currentTarget)}
                />
              </label>
            ) : (
              <>
                <input
                  type="file"
                  name="logo"
                  accept={LOGO_ACCEPT}
                  aria-label={t('fileLabel')}
                  aria-describedby={hintId}
                  className="max-w-64 text-sm"
                />
                <Button type="submit" variant="outline" size="sm">
                  {t('upload')}
                </Button>
              </>
            )}
          </form>
          {logoUrl ? (
            <form
              action={removeAction}
              onSubmit={() => {
                setLocalError(null);
                setLatest('remove');
              }}
            >
              <CsrfField />
              <input type="hidden" name="organizationId" value={organizationId} />
              <Button type="submit" variant="ghost" size="sm" loading={removing} loadingLabel={t('removing')} disabled={pending}>
                {t('remove')}
              </Button>
            </form>
          ) : null}
        </div>
        <p id={hintId} className="text-sm text-muted-foreground">
          {t('hint', limits)}
        </p>
        {error ? (
          <p id={errorId} role="alert" className="text-sm font-medium text-destructive dark:text-foreground">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
