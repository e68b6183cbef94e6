import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionResult } from '@/platform/http/errors';
import { renderInApp } from '../../../../tests/support/components';
import { InviteMembersDialog } from './invite-members-form';

/*
 * The members page's Invite button and dialog. The action is replaced at the
 * module boundary; inviting itself is tested on PostgreSQL
 * (tests/integration/organizations) and through the page (tests/e2e/organization-members.spec.ts).
 */
const actions = vi.hoisted(() => ({
  sent: [] as FormData[],
  answer: null as ActionResult<{ invited: string[] }> | null,
}));
vi.mock('@/features/organizations/server/actions', () => ({
  inviteMembersAction: async (_previous: unknown, form: FormData) => {
    actions.sent.push(form);
    return actions.answer;
  },
}));

const ORGANIZATION_ID = '5a0c8a5e-8f0e-4c55-9a53-8c1a5f1d2b3c';

function renderDialog() {
  return renderInApp(
    <InviteMembersDialog
      organizationId={ORGANIZATION_ID}
      roles={['admin', 'member']}
      defaultRole="member"
      roleLabels={{ admin: 'Admin', member: 'Member' }}
      permalink="/dashboard/acme/members"
      expiryDays={7}
    />,
  );
}

beforeEach(() => {
  actions.sent.length = 0;
  actions.answer = null;
});

describe('the Invite dialog', () => {
  it('opens on the addresses field, and Escape closes it with the focus back on Invite', async () => {
    const user = userEvent.setup();
    renderDialog();
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    const dialog = screen.getByRole('dialog', { name: 'Invite members' });
    expect(dialog.textContent).toContain('The link works for 7 days.');
    expect(document.activeElement).toBe(screen.getByLabelText('Email addresses'));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Invite' }));
  });

  it('stays open with the refusal under the field, and closes once the invitations are sent', async () => {
    const user = userEvent.setup();
    const { router } = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    await user.type(screen.getByLabelText('Email addresses'), 'max@example.com');

    actions.answer = {
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        status: 400,
        requestId: 'test-request',
        message: 'Some fields need your attention.',
        fieldErrors: { emails: ['max@example.com is already a member of this organization.'] },
      },
    };
    await user.click(screen.getByRole('button', { name: 'Send invitations' }));
    await screen.findByText('max@example.com is already a member of this organization.');
    expect(screen.getByRole('dialog', { name: 'Invite members' })).toBeDefined();
    expect(router.refreshes).toBe(0);

    actions.answer = { ok: true, data: { invited: ['ada@example.com'] } };
    await user.clear(screen.getByLabelText('Email addresses'));
    await user.type(screen.getByLabelText('Email addresses'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send invitations' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.refreshes).toBe(1);
    expect(actions.sent.map((form) => [form.get('emails'), form.get('role'), form.get('organizationId')])).toEqual([
      ['max@example.com', 'member', ORGANIZATION_ID],
      ['ada@example.com', 'member', ORGANIZATION_ID],
    ]);
  });
});
