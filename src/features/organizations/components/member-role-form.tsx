'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ActionForm, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/ui/dialog';
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from '@/ui/form';
import { NativeSelect } from '@/ui/native-select';
import { toast } from '@/ui/toast';
import { changeRoleSchema } from '../schemas';
import { changeMemberRoleAction } from '../server/actions';
import type { OpenedFromMenu } from './member-actions';

type MemberRoleFormProps = Parameters<typeof MemberRoleForm>[0];

/**
 * "Change role" from a member's row menu: the form below in a dialog, which
 * closes once the new role is saved.
 */
export function MemberRoleDialog({ menu, ...form }: Omit<MemberRoleFormProps, 'onSaved'> & { menu: OpenedFromMenu }) {
  const t = useTranslations('organizations.members.role');
  return (
    <Dialog open={menu.open} onOpenChange={menu.onOpenChange}>
      <DialogContent closeLabel={t('cancel')} onCloseAutoFocus={menu.onCloseAutoFocus}>
        <DialogHeader>
          <DialogTitle>{t('dialogTitle', { name: form.memberName })}</DialogTitle>
          <DialogDescription>{t('dialogDescription')}</DialogDescription>
        </DialogHeader>
        <MemberRoleForm {...form} onSaved={() => menu.onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

/**
 * A member's role as a select with its own button: a plain form, so it works
 * before JavaScript loads, and nothing changes until the button is pressed.
 * Render it with `key={role}` so a saved change resets it.
 */
function MemberRoleForm({
  organizationId,
  memberId,
  memberName,
  role,
  roles,
  roleLabels,
  permalink,
  onSaved,
}: {
  organizationId: string;
  memberId: string;
  memberName: string;
  role: string;
  /** The roles the viewer may give (the member's current one among them). */
  roles: string[];
  roleLabels: Record<string, string>;
  permalink: string;
  /** After the new role is saved (the dialog closes). */
  onSaved?: () => void;
}) {
  const t = useTranslations('organizations.members.role');
  const router = useRouter();
  const state = useActionForm({
    schema: changeRoleSchema,
    action: changeMemberRoleAction,
    defaultValues: { organizationId, memberId, role },
    permalink,
    onSuccess: (saved) => {
      toast.success({ title: t('changed', { name: memberName, role: roleLabels[saved.role] ?? saved.role }) });
      onSaved?.();
      router.refresh();
    },
  });

  // A refusal about the role shows under the select (FormMessage); any other refusal under both controls.
  const refusal = state.result && !state.result.ok && !state.result.error.fieldErrors?.role ? state.result.error : null;

  return (
    <ActionForm state={state} className="grid min-w-0 flex-1 basis-56 gap-2 sm:flex-none sm:basis-auto">
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="memberId" value={memberId} />
      <div className="flex items-start gap-2">
        <FormField
          control={state.form.control}
          name="role"
          render={({ field }) => (
            <FormItem className="min-w-0 flex-1 gap-0 sm:w-36 sm:flex-none">
              <FormLabel className="sr-only">{t('label', { name: memberName })}</FormLabel>
              <FormControl>
                <NativeSelect {...field} className="h-8">
                  {roles.map((option) => (
                    <option key={option} value={option}>
                      {roleLabels[option] ?? option}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormMessage className="mt-2" />
            </FormItem>
          )}
        />
        <Button type="submit" variant="outline" size="sm" loading={state.pending} loadingLabel={t('submitting')}>
          {t('submit')}
        </Button>
      </div>
      {refusal ? (
        // Short, beside the row's controls: an Alert box would dwarf the row.
        <p
          role="alert"
          className="max-w-xs text-sm font-medium text-destructive dark:text-foreground"
          data-error-code={refusal.code}
        >
          {refusal.message}
        </p>
      ) : null}
    </ActionForm>
  );
}
