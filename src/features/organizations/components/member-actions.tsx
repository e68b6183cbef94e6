'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { toast } from '@/ui/toast';
import {
  leaveOrganizationAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
} from '../server/actions';
import { ActionButtonForm } from '@/platform/http/client/action-button-form';
import { ConfirmActionDialog } from './confirm-action-dialog';

/*
 * The members page's buttons that run one action each. Every one shows the
 * server's refusal in the user's language, and on success refreshes the page
 * so the lists are the server's again.
 */

export function RemoveMemberDialog({
  organizationId,
  organizationName,
  memberId,
  memberName,
}: {
  organizationId: string;
  organizationName: string;
  memberId: string;
  memberName: string;
}) {
  const tRemove = useTranslations('organizations.members.remove');
  const router = useRouter();
  return (
    <ConfirmActionDialog
      action={removeMemberAction}
      fields={{ organizationId, memberId }}
      trigger={tRemove('open')}
      triggerLabel={tRemove('openLabel', { name: memberName })}
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
}: {
  organizationId: string;
  invitationId: string;
  email: string;
}) {
  const tRevoke = useTranslations('organizations.invitations.revoke');
  const router = useRouter();
  return (
    <ConfirmActionDialog
      action={revokeInvitationAction}
      fields={{ organizationId, invitationId }}
      trigger={tRevoke('open')}
      triggerLabel={tRevoke('openLabel', { email })}
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

export function ResendInvitationButton({
  organizationId,
  invitationId,
  email,
  permalink,
}: {
  organizationId: string;
  invitationId: string;
  email: string;
  permalink: string;
}) {
  const tResend = useTranslations('organizations.invitations.resend');
  const router = useRouter();
  return (
    <ActionButtonForm
      className="contents"
      action={resendInvitationAction}
      permalink={permalink}
      fields={{ organizationId, invitationId }}
      label={tResend('submit')}
      pendingLabel={tResend('submitting')}
      accessibleLabel={tResend('label', { email })}
      onSuccess={() => {
        toast.success({ title: tResend('sent', { email }) });
        router.refresh();
      }}
    />
  );
}
