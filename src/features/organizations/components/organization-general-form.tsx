'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useWatch } from 'react-hook-form';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { TextField } from '@/ui/form';
import { toast } from '@/ui/toast';
import { dashboardPath } from '../paths';
import { SLUG_MAX_LENGTH, updateOrganizationSchema } from '../schemas';
import { updateOrganizationAction } from '../server/actions';

/**
 * The organization's name and address (slug). The address field shows the
 * URL it makes as the user types. When the address changed, the browser moves
 * to the settings page at the new address (the old one no longer exists).
 */
export function OrganizationGeneralForm({
  organizationId,
  name,
  slug,
  dashboardUrl,
}: {
  organizationId: string;
  name: string;
  slug: string;
  /** The absolute URL the slug is appended to, e.g. "https://app.example.com/dashboard/". */
  dashboardUrl: string;
}) {
  const t = useTranslations('organizations.settings.general');
  const router = useRouter();
  const state = useActionForm({
    schema: updateOrganizationSchema,
    action: updateOrganizationAction,
    defaultValues: { organizationId, name, slug },
    permalink: dashboardPath(slug, 'settings'),
    onSuccess: (saved) => {
      toast.success({ title: t('saved') });
      if (saved.slug !== slug) router.replace(dashboardPath(saved.slug, 'settings'));
      else router.refresh();
    },
  });
  const typedSlug = useWatch({ control: state.form.control, name: 'slug' }) ?? '';
  const previewSlug = typedSlug.trim().toLowerCase();

  return (
    <ActionForm state={state} className="grid gap-4" aria-label={t('title')}>
      <FormError state={state} fields={['name', 'slug']} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <TextField
        control={state.form.control}
        name="name"
        label={t('name')}
        autoComplete="organization"
        maxLength={80}
        className="sm:max-w-sm"
      />
      <TextField
        control={state.form.control}
        name="slug"
        label={t('slug')}
        description={
          <>
            <span className="block">{t('slugHint')}</span>
            <span className="block [overflow-wrap:anywhere]" data-testid="slug-preview">
              {dashboardUrl}
              <strong className="font-medium text-foreground">{previewSlug || '…'}</strong>
            </span>
          </>
        }
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={SLUG_MAX_LENGTH}
        className="font-mono sm:max-w-sm"
      />
      <div>
        <Button type="submit" loading={state.pending} loadingLabel={t('submitting')}>
          {t('submit')}
        </Button>
      </div>
    </ActionForm>
  );
}
