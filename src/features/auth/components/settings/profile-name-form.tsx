'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ActionForm, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from '@/ui/form';
import { Input } from '@/ui/input';
import { toast } from '@/ui/toast';
import { profileSchema } from '../../schemas';
import { saveProfile } from '../../server/settings-actions';
import { SettingsFormError } from './settings-form-error';

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
      <SettingsFormError result={state.result} fields={['name']} />
      <FormField
        control={state.form.control}
        name="name"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t('label')}</FormLabel>
            <FormControl>
              <Input autoComplete="name" maxLength={100} className="sm:max-w-sm" {...field} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <div>
        <Button type="submit" loading={state.pending} loadingLabel={t('submitting')}>
          {t('submit')}
        </Button>
      </div>
    </ActionForm>
  );
}
