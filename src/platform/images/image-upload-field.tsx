'use client';

import { Upload } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import {
  startTransition,
  useActionState,
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { CsrfField } from '@/platform/http/client/csrf-token-provider';
import type { ActionResult } from '@/platform/http/errors';
import { Button, buttonVariants } from '@/ui/button';
import { cn } from '@/ui/cn';
import { toast } from '@/ui/toast';
import { imageRuleValues, type SquareImageRules } from './image-rules';

type FormAction<R> = (previous: ActionResult<R> | null, input: FormData) => Promise<ActionResult<R>>;

/** The words of one upload field, in the user's language (the feature's own messages). */
export interface ImageUploadLabels {
  upload: string;
  change: string;
  uploading: string;
  /** The button that sends the chosen file when JavaScript is off (with it, choosing a file sends it). */
  send: string;
  remove: string;
  removing: string;
  /** The toasts after a change. */
  updated: string;
  removed: string;
}

/**
 * A picture and the field that changes it (a profile picture, an organization's
 * logo). Choosing a file uploads it at once; the server checks, fits and
 * re-encodes it. The size is checked here first, with the same rules, so a file
 * too large is refused before it is sent. The file field is visually hidden
 * inside a button-like label, before JavaScript loads too; without JavaScript
 * an extra button sends the chosen file. Only the outcome of the latest attempt
 * (upload or removal) is shown; after a change the page renders again
 * (router.refresh) and brings the new picture.
 */
export function ImageUploadField<U, D>({
  name,
  accept,
  rules,
  preview,
  hasImage,
  upload,
  remove,
  permalink,
  fields = {},
  labels,
  hint,
}: {
  /** The file field's name, as the upload action reads it (its field errors are shown too). */
  name: string;
  accept: string;
  rules: SquareImageRules;
  /** The current picture (or its placeholder). */
  preview: ReactNode;
  hasImage: boolean;
  upload: FormAction<U>;
  remove: FormAction<D>;
  /** Where the browser posts without JavaScript (useActionState's permalink). */
  permalink?: string;
  /** Hidden fields sent with both actions (e.g. the organization's id). */
  fields?: Record<string, string>;
  labels: ImageUploadLabels;
  /** A line under the field (accepted types and size), tied to the input by aria-describedby. */
  hint?: string;
}) {
  const tErrors = useTranslations('errors');
  const router = useRouter();
  const [uploaded, uploadAction, uploading] = useActionState(upload, null, permalink);
  const [removed, removeAction, removing] = useActionState(remove, null, permalink);
  const [localError, setLocalError] = useState<string | null>(null);
  const [latest, setLatest] = useState<'upload' | 'remove'>('upload');
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;

  const changed = useEffectEvent((message: string) => {
    toast.success({ title: message });
    router.refresh();
  });
  useEffect(() => {
    if (uploaded?.ok) changed(labels.updated);
  }, [uploaded, labels.updated]);
  useEffect(() => {
    if (removed?.ok) changed(labels.removed);
  }, [removed, labels.removed]);

  function onFileChosen(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > rules.maxBytes) {
      setLocalError(tErrors('image.tooLarge', imageRuleValues(rules)));
      input.value = '';
      return;
    }
    setLocalError(null);
    setLatest('upload');
    const data = new FormData(formRef.current!);
    startTransition(() => uploadAction(data));
    input.value = '';
  }

  // A file chosen before JavaScript loaded fired its change event before anyone listened: upload it now.
  const chosenEarly = useEffectEvent(() => {
    if (inputRef.current?.files?.length) onFileChosen(inputRef.current);
  });
  useEffect(() => chosenEarly(), []);

  const uploadError =
    uploaded && !uploaded.ok ? (uploaded.error.fieldErrors?.[name]?.join(' ') ?? uploaded.error.message) : null;
  const removeError = removed && !removed.ok ? removed.error.message : null;
  const error = localError ?? (latest === 'upload' ? uploadError : removeError);
  const pending = uploading || removing;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const hiddenFields = (
    <>
      <CsrfField />
      {Object.entries(fields).map(([field, value]) => (
        <input key={field} type="hidden" name={field} value={value} />
      ))}
    </>
  );

  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
      {preview}
      <div className="grid gap-2">
        <div className="flex flex-wrap items-start gap-2">
          <form ref={formRef} action={uploadAction} className="flex flex-wrap items-center gap-2">
            {hiddenFields}
            {/* The same styled button before and after JavaScript loads (the file field itself is visually
                hidden inside it), so nothing flashes; without JavaScript an Upload button sends the form. */}
            <label
              htmlFor={inputId}
              className={cn(
                buttonVariants({ variant: 'outline', size: 'sm' }),
                'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring',
                pending && 'pointer-events-none opacity-50',
              )}
            >
              <Upload aria-hidden />
              {uploading ? labels.uploading : hasImage ? labels.change : labels.upload}
              <input
                ref={inputRef}
                id={inputId}
                type="file"
                name={name}
                accept={accept}
                className="sr-only"
                disabled={pending}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
                onChange={(event) => onFileChosen(event.currentTarget)}
              />
            </label>
            <noscript>
              <Button type="submit" variant="secondary" size="sm">
                {labels.send}
              </Button>
            </noscript>
          </form>
          {hasImage ? (
            <form
              action={removeAction}
              onSubmit={() => {
                setLocalError(null);
                setLatest('remove');
              }}
            >
              {hiddenFields}
              <Button
                type="submit"
                variant="ghost"
                size="sm"
                loading={removing}
                loadingLabel={labels.removing}
                disabled={pending}
              >
                {labels.remove}
              </Button>
            </form>
          ) : null}
        </div>
        {hint ? (
          <p id={hintId} className="text-sm text-muted-foreground">
            {hint}
          </p>
        ) : null}
        {error ? (
          <p id={errorId} role="alert" className="text-sm font-medium text-destructive dark:text-foreground">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
