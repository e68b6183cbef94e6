'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { TextField } from '@/ui/form';
import { toast } from '@/ui/toast';
import { profileSchema } from '../../schemas';
import { saveProfile } from '../../server/profile-actions';

export function ProfileNameForm({ name }: { name: string }) {
  const t = useTranslations('settings.profile.name');
  const router = useRouter();
  const state = useActionForm({
    schema: profileSchema,
    action: saveProfile,
    defaultValues: { name },
    permalink: '/settings/profile',
    onSuccess: () => {
      toast.success({ title: t('updated') });
      // The user menu and anything else showing the name render again.
      router.refresh();
    },
  });

  return (
    <ActionForm state={state} className="grid gap-4" aria-label={t('title')}>
      <FormError state={state} fields={['name']} />
      <TextField
        control={state.form.control}
        name="name"
        label={t('label')}
        autoComplete="name"
        maxLength={100}
        className="sm:max-w-sm"
      />
      <div>
        <Button type="submit" loading={state.pending} loadingLabel={t('submitting')}>
          {t('submit')}
        </Button>
      </div>
    </ActionForm>
  );
}
