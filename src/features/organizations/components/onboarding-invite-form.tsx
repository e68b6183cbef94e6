'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId } from 'react';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Alert, AlertDescription } from '@/ui/alert';
import { Button } from '@/ui/button';
import { cn } from '@/ui/cn';
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from '@/ui/form';
import { Textarea } from '@/ui/textarea';
import { withNotice } from '../notices';
import { dashboardPath } from '../paths';
import { inviteMembersSchema, MAX_INVITATIONS_AT_ONCE } from '../schemas';
import { inviteMembersAction } from '../server/actions';

export interface RoleChoice {
  name: string;
  label: string;
  description?: string;
}

/**
 * The last onboarding step: addresses (commas, spaces or new lines between
 * them) and one role among those the user may give, or "Skip for now". Once
 * the invitations are sent, the dashboard opens with a notice; before
 * JavaScript loads, the page says they were sent and links on.
 */
export function OnboardingInviteForm({
  organizationId,
  slug,
  roles,
  defaultRole,
  permalink,
}: {
  organizationId: string;
  slug: string;
  roles: RoleChoice[];
  defaultRole: string;
  permalink: string;
}) {
  const t = useTranslations('organizations.onboarding.invite');
  const router = useRouter();
  const dashboard = dashboardPath(slug);
  const state = useActionForm({
    schema: inviteMembersSchema,
    action: inviteMembersAction,
    defaultValues: { organizationId, emails: '', role: defaultRole },
    permalink,
    onSuccess: () => router.push(withNotice(dashboard, 'invitations-sent')),
  });
  const roleError = state.form.formState.errors.role?.message;
  // Checked in the HTML too (react-hook-form checks it only once JavaScript runs): the form must post a role without
  // it.
  const chosenRole = state.form.formState.defaultValues?.role ?? defaultRole;
  const legendId = useId();
  const roleErrorId = useId();

  if (state.result?.ok) {
    return (
      <div className="grid gap-4">
        <Alert variant="success">
          <AlertDescription>
            <p>{t('sent', { count: state.result.data.invited.length })}</p>
          </AlertDescription>
        </Alert>
        <Button asChild className="w-full">
          <Link href={withNotice(dashboard, 'invitations-sent')}>{t('continue')}</Link>
        </Button>
      </div>
    );
  }

  return (
    <ActionForm state={state} className="grid gap-5">
      <FormError state={state} fields={['emails', 'role']} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <FormField
        control={state.form.control}
        name="emails"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t('emails')}</FormLabel>
            <FormControl>
              <Textarea
                rows={3}
                autoComplete="off"
                spellCheck={false}
                placeholder={t('emailsPlaceholder')}
                {...field}
              />
            </FormControl>
            <FormDescription>{t('emailsHint', { maximum: MAX_INVITATIONS_AT_ONCE })}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      <fieldset className="grid gap-2" aria-describedby={roleError ? roleErrorId : undefined}>
        <legend id={legendId} className="mb-2 text-sm font-medium">
          {t('role')}
        </legend>
        {roles.map((role) => (
          <RoleOption
            key={role.name}
            role={role}
            input={state.form.register('role')}
            checked={chosenRole === role.name}
          />
        ))}
        {roleError ? (
          <p id={roleErrorId} role="alert" className="text-sm font-medium text-destructive dark:text-foreground">
            {roleError}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-2">
        <Button type="submit" className="w-full" loading={state.pending} loadingLabel={t('sending')}>
          {t('submit')}
        </Button>
        <Button asChild variant="ghost" className="w-full">
          <Link href={dashboard}>{t('skip')}</Link>
        </Button>
      </div>
    </ActionForm>
  );
}

function RoleOption({
  role,
  input,
  checked,
}: {
  role: RoleChoice;
  input: ReturnType<ReturnType<typeof useActionForm>['form']['register']>;
  checked: boolean;
}) {
  const id = useId();
  const descriptionId = useId();
  return (
    <label
      htmlFor={id}
      className={cn(
        'flex cursor-pointer items-start gap-3 rounded-md border bg-background px-3 py-2.5 text-sm transition-colors hover:bg-accent',
        'has-[:checked]:border-primary has-[:checked]:ring-1 has-[:checked]:ring-primary has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring',
      )}
    >
      <input
        id={id}
        type="radio"
        value={role.name}
        defaultChecked={checked}
        className="mt-0.5 size-4 accent-primary"
        aria-describedby={role.description ? descriptionId : undefined}
        {...input}
      />
      <span className="grid gap-0.5">
        <span className="font-medium">{role.label}</span>
        {role.description ? (
          <span id={descriptionId} className="text-muted-foreground">
            {role.description}
          </span>
        ) : null}
      </span>
    </label>
  );
}
