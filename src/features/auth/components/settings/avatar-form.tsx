'use client';

import { Upload } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useEffect, useEffectEvent, useId, useRef, useState, useSyncExternalStore } from 'react';
import { CsrfField } from '@/platform/http/client/csrf-token-provider';
import { Avatar } from '@/ui/avatar';
import { Button, buttonVariants } from '@/ui/button';
import { cn } from '@/ui/cn';
import { toast } from '@/ui/toast';
import { imageRuleValues } from '@/platform/images/image-rules';
import { AVATAR_ACCEPT, AVATAR_IMAGE, AVATAR_MAX_BYTES } from '../../avatar-rules';
import { clearAvatar, uploadAvatar } from '../../server/settings-actions';
import { ActionButtonForm } from '@/platform/http/client/action-button-form';

const subscribeNever = () => () => undefined;

/**
 * The profile picture: choosing a file uploads it at once (the server checks,
 * crops and re-encodes it). Before JavaScript runs, it is a plain file field
 * with an upload button.
 */
export function AvatarForm({ name, image }: { name: string; image: string | null }) {
  const t = useTranslations('settings.profile.avatar');
  const tErrors = useTranslations('errors');
  const router = useRouter();
  const hydrated = useSyncExternalStore(subscribeNever, () => true, () => false);
  const [result, formAction, pending] = useActionState(uploadAvatar, null, '/settings/profile');
  const [localError, setLocalError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const inputId = useId();
  const errorId = `${inputId}-error`;

  const uploaded = useEffectEvent(() => {
    toast.success({ title: t('updated') });
    router.refresh();
  });
  useEffect(() => {
    if (result?.ok) uploaded();
  }, [result]);

  function onFileChosen(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > AVATAR_MAX_BYTES) {
      setLocalError(tErrors('image.tooLarge', imageRuleValues(AVATAR_IMAGE)));
      input.value = '';
      return;
    }
    setLocalError(null);
    const data = new FormData(formRef.current!);
    startTransition(() => formAction(data));
    input.value = '';
  }

  const serverError = result && !result.ok ? (result.error.fieldErrors?.avatar?.join(' ') ?? result.error.message) : null;
  const error = localError ?? serverError;
  // The page renders again after a change (router.refresh), bringing the new picture.
  const shown = image;

  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
      <Avatar name={name || '?'} src={shown} className="size-20 text-2xl" />
      <div className="grid gap-2">
        <div className="flex flex-wrap items-start gap-2">
          <form ref={formRef} action={formAction} className="flex flex-wrap items-center gap-2">
            <CsrfField />
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
                {pending ? t('uploading') : shown ? t('change') : t('upload')}
                <input
                  id={inputId}
                  type="file"
                  name="avatar"
                  accept={AVATAR_ACCEPT}
                  className="sr-only"
                  disabled={pending}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  onChange={(event) => onFileChosen(event.currentTarget)}
                />
              </label>
            ) : (
              <>
                <input type="file" name="avatar" accept={AVATAR_ACCEPT} aria-label={t('fileLabel')} className="max-w-64 text-sm" />
                <Button type="submit" variant="outline" size="sm">
                  {t('upload')}
                </Button>
              </>
            )}
          </form>
          {shown ? (
            <ActionButtonForm
              action={clearAvatar}
              permalink="/settings/profile"
              label={t('remove')}
              pendingLabel={t('removing')}
              variant="ghost"
              onSuccess={() => {
                toast.success({ title: t('removed') });
                router.refresh();
              }}
            />
          ) : null}
        </div>
        {error ? (
          <p id={errorId} role="alert" className="text-sm font-medium text-destructive dark:text-foreground">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
