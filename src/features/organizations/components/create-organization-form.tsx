'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { TextField } from '@/ui/form';
import { Input } from '@/ui/input';
import { dashboardPath } from '../paths';
import { createOrganizationSchema, slugFromName, SLUG_MAX_LENGTH } from '../schemas';
import { createOrganizationAction } from '../server/actions';

/**
 * Name and slug of a new organization. The slug is proposed from the name
 * while the user has not written one of their own (clearing it brings the
 * proposals back). The action creates the organization, makes the user its
 * owner and goes to its dashboard — or, with next="invite" (onboarding), to
 * the invite step.
 */
export function CreateOrganizationForm({
  next,
  permalink,
  submitLabel,
  footer,
  autoFocus = false,
}: {
  next?: 'invite';
  /** The page that shows the result when JavaScript has not loaded. */
  permalink: string;
  submitLabel?: string;
  /** Extra buttons beside the submit button (a dialog's Cancel). */
  footer?: ReactNode;
  autoFocus?: boolean;
}) {
  const t = useTranslations('organizations.switcher.create');
  const state = useActionForm({
    schema: createOrganizationSchema,
    action: createOrganizationAction,
    defaultValues: { name: '', slug: '' },
    permalink,
  });
  const [slugEdited, setSlugEdited] = useState(false);
  const slug = useWatch({ control: state.form.control, name: 'slug' }) ?? '';
  const { setValue, formState } = state.form;

  function proposeSlug(name: string) {
    if (slugEdited) return;
    setValue('slug', name.trim() ? slugFromName(name) : '', { shouldValidate: formState.isSubmitted });
  }

  return (
    <ActionForm state={state} className="grid gap-4">
      <FormError state={state} fields={['name', 'slug']} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        control={state.form.control}
        name="name"
        label={t('name')}
        autoComplete="organization"
        maxLength={80}
        autoFocus={autoFocus}
        input={(props) => (
          <Input
            {...props}
            onChange={(event) => {
              props.onChange?.(event);
              proposeSlug(event.target.value);
            }}
          />
        )}
      />
      <TextField
        control={state.form.control}
        name="slug"
        label={t('slug')}
        description={t('slugHint', { path: dashboardPath(slug.trim().toLowerCase() || t('slugExample')) })}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={SLUG_MAX_LENGTH}
        input={(props) => (
          <Input
            {...props}
            onChange={(event) => {
              props.onChange?.(event);
              setSlugEdited(event.target.value !== '');
            }}
          />
        )}
      />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {footer}
        <Button type="submit" loading={state.pending} loadingLabel={t('submitting')}>
          {submitLabel ?? t('submit')}
        </Button>
      </div>
    </ActionForm>
  );
}
