'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from '@/ui/form';
import { NativeSelect } from '@/ui/native-select';
import { Textarea } from '@/ui/textarea';
import { toast } from '@/ui/toast';
import { inviteMembersSchema, MAX_INVITATIONS_AT_ONCE } from '../schemas';
import { inviteMembersAction } from '../server/actions';

/**
 * Invites several people at once: addresses separated by commas or new lines,
 * one role for all of them. Addresses the server refuses ("… is already a
 * member") are named under the field, and nothing typed is lost.
 */
export function InviteMembersForm({
  organizationId,
  roles,
  defaultRole,
  roleLabels,
  permalink,
}: {
  organizationId: string;
  /** The roles the viewer may give. */
  roles: string[];
  defaultRole: string;
  roleLabels: Record<string, string>;
  permalink: string;
}) {
  const t = useTranslations('organizations.invitations.invite');
  const router = useRouter();
  const state = useActionForm({
    schema: inviteMembersSchema,
    action: inviteMembersAction,
    defaultValues: { organizationId, emails: '', role: defaultRole },
    permalink,
    onSuccess: ({ invited }) => {
      toast.success({ title: t('sent', { count: invited.length }) });
      // Keep the role for the next batch; the list of pending invitations shows the new ones.
      state.form.reset({ organizationId, emails: '', role: state.form.getValues('role') });
      router.refresh();
    },
  });

  return (
    <ActionForm state={state} className="grid gap-4" aria-label={t('title')}>
      <FormError state={state} fields={['emails', 'role']} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <FormField
        control={state.form.control}
        name="emails"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t('emailsLabel')}</FormLabel>
            <FormControl>
              <Textarea
                {...field}
                rows={3}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                placeholder={t('emailsPlaceholder')}
                className="font-normal"
              />
            </FormControl>
            <FormDescription>{t('emailsHint', { maximum: MAX_INVITATIONS_AT_ONCE })}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end">
        <FormField
          control={state.form.control}
          name="role"
          render={({ field }) => (
            <FormItem className="sm:w-48">
              <FormLabel>{t('roleLabel')}</FormLabel>
              <FormControl>
                <NativeSelect {...field}>
                  {roles.map((option) => (
                    <option key={option} value={option}>
                      {roleLabels[option] ?? option}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <Button type="submit" loading={state.pending} loadingLabel={t('submitting')} className="sm:mb-0">
          {t('submit')}
        </Button>
      </div>
    </ActionForm>
  );
}
