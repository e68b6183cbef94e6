'use client';

import { Crown, Link2, MoreHorizontal, Send, Trash2, UserCog, UserMinus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { Button } from '@/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/ui/dropdown-menu';
import { InvitationLinkDialog } from './invitation-link-dialog';
import { RemoveMemberDialog, RevokeInvitationDialog, useResendInvitation, type OpenedFromMenu } from './member-actions';
import { MemberRoleDialog } from './member-role-form';
import type { IdentityProof } from './identity-proof-fields';
import { TransferOwnershipDialog } from './transfer-ownership-dialog';

/**
 * A row's "⋯" menu and the dialog its chosen item opens. The dialogs live
 * outside the menu (a menu item unmounts as the menu closes) and give the
 * focus back to the "⋯" button when they close.
 */
function useRowMenu<D extends string>() {
  const trigger = useRef<HTMLButtonElement>(null);
  const [dialog, setDialog] = useState<D | null>(null);
  // Read as the menu closes (after the render that opened the dialog): a ref, not the state of an older render.
  const chosen = useRef<D | null>(null);
  const show = (name: D | null) => {
    chosen.current = name;
    setDialog(name);
  };
  const opened = (name: D): OpenedFromMenu => ({
    open: dialog === name,
    onOpenChange: (open) => show(open ? name : null),
    onCloseAutoFocus: (event) => {
      event.preventDefault();
      trigger.current?.focus();
    },
  });
  return { triggerRef: trigger, chosenRef: chosen, open: show, opened };
}

function RowMenu({
  label,
  triggerRef,
  chosenRef,
  pending,
  children,
}: {
  label: string;
  triggerRef: RefObject<HTMLButtonElement | null>;
  /** The dialog an item opened, if any. */
  chosenRef: RefObject<string | null>;
  pending?: boolean;
  children: ReactNode;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button ref={triggerRef} variant="ghost" size="icon" className="size-8" aria-label={label} loading={pending}>
          {pending ? null : <MoreHorizontal aria-hidden="true" />}
        </Button>
      </DropdownMenuTrigger>
      {/* The dialog an item opened has the focus: the closing menu must not hand it back to the trigger. */}
      <DropdownMenuContent
        align="end"
        onCloseAutoFocus={(event) => {
          if (chosenRef.current) event.preventDefault();
        }}
      >
        {children}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

export interface MemberRowActionsProps {
  organization: { id: string; name: string };
  member: { id: string; name: string; email: string; role: string };
  /** The roles the viewer may give this member, or null: no "Change role". */
  roles: string[] | null;
  remove: boolean;
  /** Present when the viewer may hand ownership to this member. */
  transfer: { formerOwnerRole: string; proof: IdentityProof; recentSignInMinutes: number } | null;
  roleLabels: Record<string, string>;
  permalink: string;
}

/** What the viewer may do to one member: change the role, make them the owner, remove them. */
export function MemberRowActions({
  organization,
  member,
  roles,
  remove,
  transfer,
  roleLabels,
  permalink,
}: MemberRowActionsProps) {
  const tMembers = useTranslations('organizations.members');
  const menu = useRowMenu<'role' | 'transfer' | 'remove'>();
  return (
    <>
      <RowMenu
        label={tMembers('list.actionsFor', { name: member.name })}
        triggerRef={menu.triggerRef}
        chosenRef={menu.chosenRef}
      >
        {roles ? (
          <DropdownMenuItem onSelect={() => menu.open('role')}>
            <UserCog aria-hidden="true" />
            {tMembers('role.open')}
          </DropdownMenuItem>
        ) : null}
        {transfer ? (
          <DropdownMenuItem onSelect={() => menu.open('transfer')}>
            <Crown aria-hidden="true" />
            {tMembers('transfer.open')}
          </DropdownMenuItem>
        ) : null}
        {remove ? (
          <>
            {roles || transfer ? <DropdownMenuSeparator /> : null}
            <DropdownMenuItem variant="destructive" onSelect={() => menu.open('remove')}>
              <UserMinus aria-hidden="true" />
              {tMembers('remove.open')}
            </DropdownMenuItem>
          </>
        ) : null}
      </RowMenu>
      {roles ? (
        <MemberRoleDialog
          key={member.role}
          menu={menu.opened('role')}
          organizationId={organization.id}
          memberId={member.id}
          memberName={member.name}
          role={member.role}
          roles={roles}
          roleLabels={roleLabels}
          permalink={permalink}
        />
      ) : null}
      {transfer ? (
        <TransferOwnershipDialog
          menu={menu.opened('transfer')}
          organizationId={organization.id}
          organizationName={organization.name}
          candidates={[{ memberId: member.id, name: member.name, email: member.email, role: member.role }]}
          roleLabels={roleLabels}
          formerOwnerRole={transfer.formerOwnerRole}
          proof={transfer.proof}
          recentSignInMinutes={transfer.recentSignInMinutes}
        />
      ) : null}
      {remove ? (
        <RemoveMemberDialog
          menu={menu.opened('remove')}
          organizationId={organization.id}
          organizationName={organization.name}
          memberId={member.id}
          memberName={member.name}
        />
      ) : null}
    </>
  );
}

/** Send again, copy a fresh link, revoke: for one pending invitation. */
export function InvitationRowActions({
  organizationId,
  invitation,
}: {
  organizationId: string;
  invitation: { id: string; email: string };
}) {
  const tInvitations = useTranslations('organizations.invitations');
  const menu = useRowMenu<'link' | 'revoke'>();
  const resend = useResendInvitation(organizationId);
  return (
    <>
      <RowMenu
        label={tInvitations('pending.actionsFor', { email: invitation.email })}
        triggerRef={menu.triggerRef}
        chosenRef={menu.chosenRef}
        pending={resend.pending}
      >
        <DropdownMenuItem onSelect={() => void resend.run(invitation)}>
          <Send aria-hidden="true" />
          {tInvitations('resend.submit')}
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => menu.open('link')}>
          <Link2 aria-hidden="true" />
          {tInvitations('link.open')}
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem variant="destructive" onSelect={() => menu.open('revoke')}>
          <Trash2 aria-hidden="true" />
          {tInvitations('revoke.open')}
        </DropdownMenuItem>
      </RowMenu>
      <InvitationLinkDialog
        menu={menu.opened('link')}
        organizationId={organizationId}
        invitationId={invitation.id}
        email={invitation.email}
      />
      <RevokeInvitationDialog
        menu={menu.opened('revoke')}
        organizationId={organizationId}
        invitationId={invitation.id}
        email={invitation.email}
      />
    </>
  );
}
