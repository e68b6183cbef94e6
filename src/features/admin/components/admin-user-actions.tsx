'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ActionButtonForm } from '@/platform/http/client/action-button-form';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { TextField } from '@/ui/form';
import { toast } from '@/ui/toast';
import { adminUserPath, adminUsersPath } from '../paths';
import { banUserSchema, deleteUserSchema } from '../schemas';
import { startImpersonationAction } from '../server/impersonation-actions';
import {
  banUserAction,
  deleteUserAction,
  resendUserConfirmationAction,
  resetUserTwoFactorAction,
  signOutUserEverywhereAction,
  unbanUserAction,
} from '../server/user-actions';

/** Bans the user: a reason (for the audit log) and, optionally, the last day of the ban. */
export function BanUserForm({ userId }: { userId: string }) {
  const tBan = useTranslations('admin.user.ban');
  const router = useRouter();
  const state = useActionForm({
    schema: banUserSchema,
    action: banUserAction,
    defaultValues: { userId, reason: '', until: '' },
    permalink: adminUserPath(userId),
    onSuccess: ({ sessions }) => {
      toast.success({ title: tBan('done', { count: sessions }) });
      router.refresh();
    },
  });
  return (
    <ActionForm state={state} className="grid gap-4" aria-label={tBan('title')}>
      <FormError state={state} fields={['reason', 'until']} />
      <input type="hidden" name="userId" value={userId} />
      <TextField control={state.form.control} name="reason" label={tBan('reason')} maxLength={500} />
      <TextField
        control={state.form.control}
        name="until"
        label={tBan('until')}
        description={tBan('untilHint')}
        type="date"
        className="sm:max-w-xs"
      />
      <div>
        <Button type="submit" variant="destructive" loading={state.pending} loadingLabel={tBan('submitting')}>
          {tBan('submit')}
        </Button>
      </div>
    </ActionForm>
  );
}

export function UnbanUserButton({ userId }: { userId: string }) {
  const tUnban = useTranslations('admin.user.unban');
  const router = useRouter();
  return (
    <ActionButtonForm
      action={unbanUserAction}
      permalink={adminUserPath(userId)}
      fields={{ userId }}
      label={tUnban('submit')}
      pendingLabel={tUnban('submitting')}
      size="md"
      onSuccess={() => {
        toast.success({ title: tUnban('done') });
        router.refresh();
      }}
    />
  );
}

export function SignOutUserEverywhereButton({ userId }: { userId: string }) {
  const tSignOut = useTranslations('admin.user.signOutEverywhere');
  const router = useRouter();
  return (
    <ActionButtonForm
      action={signOutUserEverywhereAction}
      permalink={adminUserPath(userId)}
      fields={{ userId }}
      label={tSignOut('submit')}
      pendingLabel={tSignOut('submitting')}
      size="md"
      onSuccess={({ sessions }) => {
        toast.success({ title: tSignOut('done', { count: sessions }) });
        router.refresh();
      }}
    />
  );
}

export function ResendConfirmationButton({ userId }: { userId: string }) {
  const tResend = useTranslations('admin.user.resendConfirmation');
  return (
    <ActionButtonForm
      action={resendUserConfirmationAction}
      permalink={adminUserPath(userId)}
      fields={{ userId }}
      label={tResend('submit')}
      pendingLabel={tResend('submitting')}
      size="md"
      onSuccess={() => toast.success({ title: tResend('done') })}
    />
  );
}

export function ResetTwoFactorButton({ userId }: { userId: string }) {
  const tReset = useTranslations('admin.user.resetTwoFactor');
  const router = useRouter();
  return (
    <ActionButtonForm
      action={resetUserTwoFactorAction}
      permalink={adminUserPath(userId)}
      fields={{ userId }}
      label={tReset('submit')}
      pendingLabel={tReset('submitting')}
      size="md"
      onSuccess={() => {
        toast.success({ title: tReset('done') });
        router.refresh();
      }}
    />
  );
}

/** Deletes the account for good: the user's email address typed out first. */
export function DeleteUserForm({ userId, email }: { userId: string; email: string }) {
  const tDelete = useTranslations('admin.user.delete');
  const router = useRouter();
  const state = useActionForm({
    schema: deleteUserSchema,
    action: deleteUserAction,
    defaultValues: { userId, confirmation: '' },
    permalink: adminUserPath(userId),
    onSuccess: () => {
      toast.success({ title: tDelete('done', { email }) });
      router.push(adminUsersPath);
    },
  });
  return (
    <ActionForm state={state} className="grid gap-4" aria-label={tDelete('title')}>
      <FormError state={state} fields={['confirmation']} />
      <input type="hidden" name="userId" value={userId} />
      <TextField
        control={state.form.control}
        name="confirmation"
        label={tDelete('confirmation', { email })}
        autoComplete="off"
        maxLength={320}
      />
      <div>
        <Button type="submit" variant="destructive" loading={state.pending} loadingLabel={tDelete('submitting')}>
          {tDelete('submit')}
        </Button>
      </div>
    </ActionForm>
  );
}

/** Signs this browser in as the user for an hour (docs/admin/impersonation.md); the action lands on their dashboard. */
export function StartImpersonationButton({ userId }: { userId: string }) {
  const tStart = useTranslations('admin.impersonation.start');
  return (
    <ActionButtonForm
      action={startImpersonationAction}
      permalink={adminUserPath(userId)}
      fields={{ userId }}
      label={tStart('submit')}
      pendingLabel={tStart('submitting')}
      size="md"
    />
  );
}
