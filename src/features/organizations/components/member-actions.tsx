'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useAction } from '@/platform/http/client/use-action';
import { toast } from '@/ui/toast';
import {
  leaveOrganizationAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
} from '../server/actions';
import { ConfirmActionDialog } from './confirm-action-dialog';

/*
 * The members page's dialogs and commands that run one action each. Every one
 * shows the server's refusal in the user's language, and on success refreshes
 * the page so the tables are the server's again.
 */

/** A dialog opened from a row's menu instead of by its own button: the menu says when, and gets the focus back. */
export interface OpenedFromMenu {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus: (event: Event) => void;
}

export function RemoveMemberDialog({
  organizationId,
  organizationName,
  memberId,
  memberName,
  menu,
}: {
  organizationId: string;
  organizationName: string;
  memberId: string;
  memberName: string;
  menu: OpenedFromMenu;
}) {
  const tRemove = useTranslations('organizations.members.remove');
  const router = useRouter();
  return (
    <ConfirmActionDialog
      action={removeMemberAction}
      fields={{ organizationId, memberId }}
      {...menu}
      title={tRemove('title', { name: memberName })}
      description={tRemove('description', { name: memberName, organization: organizationName })}
      cancelLabel={tRemove('cancel')}
      submitLabel={tRemove('submit')}
      pendingLabel={tRemove('submitting')}
      onSuccess={() => {
        toast.success({ title: tRemove('removed', { name: memberName }) });
        router.refresh();
      }}
    />
  );
}

/** Leaving redirects to /dashboard; the last owner is refused (the dialog says why). */
export function LeaveOrganizationDialog({
  organizationId,
  organizationName,
}: {
  organizationId: string;
  organizationName: string;
}) {
  const tLeave = useTranslations('organizations.members.leave');
  return (
    <ConfirmActionDialog
      action={leaveOrganizationAction}
      fields={{ organizationId }}
      trigger={tLeave('open')}
      triggerVariant="destructive"
      triggerSize="md"
      title={tLeave('dialogTitle', { organization: organizationName })}
      description={tLeave('dialogDescription')}
      cancelLabel={tLeave('cancel')}
      submitLabel={tLeave('submit')}
      pendingLabel={tLeave('submitting')}
    />
  );
}

export function RevokeInvitationDialog({
  organizationId,
  invitationId,
  email,
  menu,
}: {
  organizationId: string;
  invitationId: string;
  email: string;
  menu: OpenedFromMenu;
}) {
  const tRevoke = useTranslations('organizations.invitations.revoke');
  const router = useRouter();
  return (
    <ConfirmActionDialog
      action={revokeInvitationAction}
      fields={{ organizationId, invitationId }}
      {...menu}
      title={tRevoke('title', { email })}
      description={tRevoke('description')}
      cancelLabel={tRevoke('cancel')}
      submitLabel={tRevoke('submit')}
      pendingLabel={tRevoke('submitting')}
      onSuccess={() => {
        toast.success({ title: tRevoke('revoked', { email }) });
        router.refresh();
      }}
    />
  );
}

/**
 * Sends an invitation again (a new link, a new expiry) from a row's menu: the
 * outcome, or the server's refusal, in a toast.
 */
export function useResendInvitation(organizationId: string) {
  const tResend = useTranslations('organizations.invitations.resend');
  const router = useRouter();
  const resend = useAction(resendInvitationAction);
  const run = async (invitation: { id: string; email: string }) => {
    const result = await resend.run({ organizationId, invitationId: invitation.id });
    if (result.ok) {
      toast.success({ title: tResend('sent', { email: invitation.email }) });
      router.refresh();
    } else {
      toast.error({ title: tResend('failed', { email: invitation.email }), description: result.error.message });
    }
  };
  return { run, pending: resend.pending };
}
