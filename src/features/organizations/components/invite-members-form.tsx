'use client';

import { useTranslations } from 'next-intl';
import { UserPlus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/ui/dialog';
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from '@/ui/form';
import { NativeSelect } from '@/ui/native-select';
import { Textarea } from '@/ui/textarea';
import { toast } from '@/ui/toast';
import { inviteMembersSchema, MAX_INVITATIONS_AT_ONCE } from '../schemas';
import { inviteMembersAction } from '../server/actions';

type InviteMembersFormProps = Parameters<typeof InviteMembersForm>[0];

/**
 * The members page's "Invite" button and its dialog: the form below, which
 * closes the dialog once the invitations are sent (the page's pending
 * invitations then list them).
 */
export function InviteMembersDialog({
  expiryDays,
  ...form
}: Omit<InviteMembersFormProps, 'onSent'> & {
  /** How long an invitation link works, for the dialog's description. */
  expiryDays: number;
}) {
  const t = useTranslations('organizations.invitations.invite');
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button data-testid="invite-members">
          <UserPlus aria-hidden="true" />
          {t('open')}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('close')}>
        <DialogHeader>
          <DialogTitle>{t('title')}</DialogTitle>
          <DialogDescription>{t('description', { days: expiryDays })}</DialogDescription>
        </DialogHeader>
        {/* Inside the content: a dialog opened again starts with an empty form. */}
        <InviteMembersForm {...form} onSent={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

/**
 * Invites several people at once: addresses separated by commas or new lines,
 * one role for all of them. Addresses the server refuses ("… is already a
 * member") are named under the field, and nothing typed is lost.
 */
function InviteMembersForm({
  organizationId,
  roles,
  defaultRole,
  roleLabels,
  permalink,
  onSent,
}: {
  organizationId: string;
  /** The roles the viewer may give. */
  roles: string[];
  defaultRole: string;
  roleLabels: Record<string, string>;
  permalink: string;
  /** After the invitations went out (the dialog closes). */
  onSent: () => void;
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
      // The dialog closes (and its form with it); the pending invitations show the new ones.
      onSent();
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
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
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
