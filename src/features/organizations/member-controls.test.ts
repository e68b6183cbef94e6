import { describe, expect, it } from 'vitest';
import { formerOwnerRole, invitationRoles, mayManageInvitation, memberControls } from './member-controls';

const owner = { userId: 'o', role: 'owner' };
const otherOwner = { userId: 'o2', role: 'owner' };
const admin = { userId: 'a', role: 'admin' };
const otherAdmin = { userId: 'a2', role: 'admin' };
const member = { userId: 'm', role: 'member' };
const otherMember = { userId: 'm2', role: 'member' };

describe('memberControls (the default roles: owner, admin, member)', () => {
  it('lets an owner change and remove anyone else, with every role', () => {
    for (const target of [otherOwner, admin, member]) {
      expect(memberControls(owner, target)).toEqual({ roles: ['owner', 'admin', 'member'], remove: true });
    }
  });

  it('lets an admin act on admins and members with roles up to admin, never on owners', () => {
    expect(memberControls(admin, otherAdmin)).toEqual({ roles: ['admin', 'member'], remove: true });
    expect(memberControls(admin, member)).toEqual({ roles: ['admin', 'member'], remove: true });
    expect(memberControls(admin, owner)).toEqual({ roles: null, remove: false });
  });

  it('gives a member no controls', () => {
    for (const target of [owner, admin, otherMember])
      expect(memberControls(member, target)).toEqual({ roles: null, remove: false });
  });

  it('never offers controls over yourself', () => {
    for (const viewer of [owner, admin, member])
      expect(memberControls(viewer, viewer)).toEqual({ roles: null, remove: false });
  });
});

describe('invitations', () => {
  it('owners and admins invite with roles up to their own, the default role preselected', () => {
    expect(invitationRoles('owner')).toEqual({ roles: ['owner', 'admin', 'member'], defaultRole: 'member' });
    expect(invitationRoles('admin')).toEqual({ roles: ['admin', 'member'], defaultRole: 'member' });
    expect(invitationRoles('member')).toBeNull();
  });

  it('an admin cannot manage an invitation to become owner', () => {
    expect(mayManageInvitation('admin', 'owner')).toBe(false);
    expect(mayManageInvitation('admin', 'admin')).toBe(true);
    expect(mayManageInvitation('owner', 'owner')).toBe(true);
    expect(mayManageInvitation('member', 'member')).toBe(false);
  });
});

it('an owner who hands over ownership becomes an admin', () => {
  expect(formerOwnerRole()).toBe('admin');
});
