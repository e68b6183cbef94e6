import 'server-only';
import { recordAuditEvent, type AuditEvent } from '@/features/audit/server';
import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, gt, inArray, notInArray, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { users } from '@/features/auth/server/schema';
import { appConfig, type Locale } from '@/platform/config/app-config';
import { db, type Transaction } from '@/platform/db/client';
import type { TenantScope } from '@/platform/db/tenant';
import { renderEmail } from '@/platform/email/render';
import { sendEmail } from '@/platform/email/transport';
import { membershipChanged, runOrganizationHooks } from '@/platform/hooks/organization-lifecycle';
import { AppError, fieldRefusal } from '@/platform/http/errors';
import { translatorFor } from '@/platform/i18n/translator';
import { InvitationEmail, invitationEmailSubject } from '../emails/invitation-email';
import { isRole, rankOf } from '../roles';
import { inOrganization, rememberOrganization } from './access';
import { forgetOldInvitationSends, lockInvitationBudgets, spendInvitationBudget } from './invitation-sends';
import { invitations, members, organizations } from './schema';

/** The page an invitation link opens. */
const JOIN_PATH = '/join';

type InvitationState = 'pending' | 'expired' | 'accepted' | 'revoked';

export interface InvitationRow {
  id: string;
  email: string;
  role: string;
  state: InvitationState;
  inviterName: string | null;
  expiresAt: Date;
  createdAt: Date;
}

/** What the /join page shows about an invitation, before anyone accepts it. */
export interface InvitationPreview {
  id: string;
  email: string;
  role: string;
  state: InvitationState;
  organizationName: string;
  organizationSlug: string;
  inviterName: string | null;
}

/** The mark of a token that was only ever sent to the invited address (see invitationTokenWasEmailed). */
const EMAILED_TOKEN_PREFIX = 'e.';

/**
 * A new secret for a link: 32 random bytes. Only its SHA-256 is stored. A token
 * made for the invitation email starts with "e." and one made for "copy link"
 * with "s.": the whole token is hashed, so nobody can turn one into the other.
 */
function newToken({ emailed }: { emailed: boolean }) {
  const token = `${emailed ? EMAILED_TOKEN_PREFIX : 's.'}${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashToken(token) };
}

/**
 * Whether a token was made to be emailed to the invited address (not copied
 * for the inviter to share): only then does opening its link prove the invitee
 * reads that mailbox, so signing up from it may confirm the address (decision 0051).
 */
export function invitationTokenWasEmailed(token: string): boolean {
  return token.startsWith(EMAILED_TOKEN_PREFIX);
}

function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

function invitationUrl(token: string) {
  const url = new URL(JOIN_PATH, appConfig.site.url);
  url.searchParams.set('token', token);
  return url.toString();
}

function expiry(now = new Date()) {
  return new Date(now.getTime() + appConfig.organizations.invitationExpiryDays * 24 * 60 * 60 * 1000);
}

function stateOf(
  row: { status: 'pending' | 'accepted' | 'revoked'; expiresAt: Date },
  now = new Date(),
): InvitationState {
  if (row.status !== 'pending') return row.status;
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

interface InvitationLetter {
  email: string;
  token: string;
}

/**
 * Sends invitation emails (after the transaction that made them committed).
 * If any failed, throws EMAIL_NOT_SENT saying the invitations are saved: sending
 * again (inviting the same addresses, or "resend") renews them and tries the
 * email again (decision 0023).
 */
async function sendInvitations(
  letters: InvitationLetter[],
  details: { organizationName: string; inviterName: string; role: string },
  locale: Locale,
) {
  const roleLabel = translatorFor(locale, 'organizations')(`roles.${details.role}` as never);
  let failed = 0;
  for (const letter of letters) {
    const values = {
      ...details,
      role: roleLabel,
      url: invitationUrl(letter.token),
      days: appConfig.organizations.invitationExpiryDays,
    };
    try {
      const { html, text } = await renderEmail(createElement(InvitationEmail, { locale, values }));
      await sendEmail({ to: letter.email, subject: invitationEmailSubject(locale, values), html, text });
    } catch {
      failed += 1;
    }
  }
  if (failed > 0) throw new AppError('EMAIL_NOT_SENT', { messageKey: 'organizations.invitationEmailNotSent' });
}

async function inviterAndOrganization(tx: Transaction, scope: TenantScope) {
  const [organization] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, scope.organizationId));
  const [inviter] = await tx
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, scope.userId));
  return { organizationName: organization!.name, inviterName: inviter?.name || inviter?.email || '' };
}

/** Members plus live pending invitations, leaving out those to `except` (an invitation being renewed or accepted). */
async function membersAndOpenInvitations(tx: Transaction, organizationId: string, except: string[]): Promise<number> {
  const open = await tx.$count(
    invitations,
    and(
      eq(invitations.organizationId, organizationId),
      eq(invitations.status, 'pending'),
      gt(invitations.expiresAt, sql`now()`),
      except.length > 0 ? notInArray(invitations.email, except) : undefined,
    ),
  );
  return open + (await tx.$count(members, eq(members.organizationId, organizationId)));
}

/**
 * Invites addresses with a role (permission members.invite; only roles at or
 * below the inviter's). Addresses that already belong to the organization are
 * refused, naming them; an address with an open invitation gets a renewed one
 * (new link, new role, new expiry — the old link stops working). Emails go out
 * in `locale` after the invitations are saved.
 */
export async function inviteMembers(
  scope: TenantScope,
  input: { emails: string[]; role: string },
  locale: Locale,
): Promise<{ invited: string[] }> {
  if (!isRole(input.role)) throw fieldRefusal('VALIDATION_FAILED', 'role', 'validation.invalidOption');
  const emails = [...new Set(input.emails.map((email) => email.trim().toLowerCase()))];
  const { letters, details } = await inOrganization(
    scope,
    { permission: 'members.invite', lock: true },
    async (tx, actor) => {
      if (rankOf(input.role) < rankOf(actor.role))
        throw fieldRefusal('FORBIDDEN', 'role', 'organizations.grantHigherRole');
      const existing = await tx
        .select({ email: users.email })
        .from(members)
        .innerJoin(users, eq(users.id, members.userId))
        .where(inArray(sql`lower(${users.email})`, emails));
      if (existing.length > 0) {
        throw fieldRefusal('CONFLICT', 'emails', 'organizations.alreadyMembers', {
          emails: existing.map((row) => row.email).join(', '),
          count: existing.length,
        });
      }
      // Inviting again renews an open invitation (its role, its link): the same rank rule as resending or revoking it.
      const open = await tx
        .select({ role: invitations.role })
        .from(invitations)
        .where(and(eq(invitations.status, 'pending'), inArray(invitations.email, emails)));
      if (open.some((invitation) => rankOf(invitation.role) < rankOf(actor.role)))
        throw fieldRefusal('FORBIDDEN', 'emails', 'organizations.outranked');
      const [{ others } = { others: 0 }] = await tx
        .select({ others: count() })
        .from(invitations)
        .where(
          and(
            eq(invitations.status, 'pending'),
            gt(invitations.expiresAt, sql`now()`),
            notInArray(invitations.email, emails),
          ),
        );
      const { openPerOrganization } = appConfig.organizations.invitationBudget;
      if (others + emails.length > openPerOrganization) {
        throw fieldRefusal('CONFLICT', 'emails', 'organizations.tooManyOpenInvitations', {
          maximum: openPerOrganization,
        });
      }
      // A plan's members limit or paid seats (billing's hook) count members and open invitations.
      await runOrganizationHooks('beforeMembershipGrows', tx, {
        organizationId: scope.organizationId,
        joining: emails.length,
        countExisting: () => membersAndOpenInvitations(tx, scope.organizationId, emails),
      });
      await spendInvitationBudget(tx, scope, emails);
      const letters: InvitationLetter[] = [];
      for (const email of emails) {
        const { token, tokenHash } = newToken({ emailed: true });
        await tx
          .insert(invitations)
          .values({
            organizationId: scope.organizationId,
            email,
            role: input.role,
            inviterId: scope.userId,
            tokenHash,
            expiresAt: expiry(),
          })
          .onConflictDoUpdate({
            target: [invitations.organizationId, invitations.email],
            targetWhere: sql`${invitations.status} = 'pending'`,
            set: { role: input.role, inviterId: scope.userId, tokenHash, expiresAt: expiry(), updatedAt: sql`now()` },
          });
        await recordAuditEvent(tx, invitationEvent('invitation.sent', scope, email, input.role));
        letters.push({ email, token });
      }
      return { letters, details: { ...(await inviterAndOrganization(tx, scope)), role: input.role } };
    },
  );
  await forgetOldInvitationSends();
  await sendInvitations(letters, details, locale);
  return { invited: emails };
}

/**
 * The organization's invitations that are still open (expired ones included,
 * to renew or revoke), newest first. For those who may invite: invitees'
 * addresses are not shown to every member.
 */
export async function listInvitations(scope: TenantScope): Promise<InvitationRow[]> {
  return inOrganization(scope, { permission: 'members.invite' }, async (tx) => {
    const rows = await tx
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        status: invitations.status,
        inviterName: users.name,
        expiresAt: invitations.expiresAt,
        createdAt: invitations.createdAt,
      })
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.inviterId))
      .where(eq(invitations.status, 'pending'))
      .orderBy(desc(invitations.createdAt));
    return rows.map(({ status, ...row }) => ({ ...row, state: stateOf({ status, expiresAt: row.expiresAt }) }));
  });
}

/** Gives a pending invitation a new link and a new expiry; the previous link stops working. */
async function renewInvitation(scope: TenantScope, invitationId: string, options: { sending: boolean }) {
  return inOrganization(scope, { permission: 'members.invite' }, async (tx, actor) => {
    if (options.sending) await lockInvitationBudgets(tx, scope);
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.id, invitationId)).for('update');
    if (!invitation || invitation.status !== 'pending')
      throw new AppError('NOT_FOUND', { messageKey: 'organizations.invitationNotPending' });
    if (rankOf(invitation.role) < rankOf(actor.role))
      throw new AppError('FORBIDDEN', { messageKey: 'organizations.outranked' });
    if (options.sending) await spendInvitationBudget(tx, scope, [invitation.email]);
    const { token, tokenHash } = newToken({ emailed: options.sending });
    await tx
      .update(invitations)
      .set({ tokenHash, expiresAt: expiry(), updatedAt: sql`now()` })
      .where(eq(invitations.id, invitation.id));
    return { invitation, token, details: { ...(await inviterAndOrganization(tx, scope)), role: invitation.role } };
  });
}

/** Sends a pending invitation again, with a new link (valid for the full period again). */
export async function resendInvitation(scope: TenantScope, invitationId: string, locale: Locale): Promise<void> {
  const { invitation, token, details } = await renewInvitation(scope, invitationId, { sending: true });
  await forgetOldInvitationSends();
  await sendInvitations([{ email: invitation.email, token }], details, locale);
}

/**
 * A link to share by other means ("copy link"). Tokens are stored hashed, so
 * an existing link cannot be shown again: this makes a new one, and the
 * emailed link stops working.
 */
export async function createInvitationLink(scope: TenantScope, invitationId: string): Promise<{ url: string }> {
  const { token } = await renewInvitation(scope, invitationId, { sending: false });
  return { url: invitationUrl(token) };
}

export async function revokeInvitation(scope: TenantScope, invitationId: string): Promise<void> {
  await inOrganization(scope, { permission: 'members.invite' }, async (tx, actor) => {
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.id, invitationId)).for('update');
    if (!invitation || invitation.status !== 'pending')
      throw new AppError('NOT_FOUND', { messageKey: 'organizations.invitationNotPending' });
    if (rankOf(invitation.role) < rankOf(actor.role))
      throw new AppError('FORBIDDEN', { messageKey: 'organizations.outranked' });
    await tx
      .update(invitations)
      .set({ status: 'revoked', updatedAt: sql`now()` })
      .where(eq(invitations.id, invitation.id));
    await recordAuditEvent(tx, invitationEvent('invitation.revoked', scope, invitation.email, invitation.role));
  });
}

const previewColumns = {
  id: invitations.id,
  email: invitations.email,
  role: invitations.role,
  status: invitations.status,
  expiresAt: invitations.expiresAt,
  organizationName: organizations.name,
  organizationSlug: organizations.slug,
  inviterName: users.name,
};

/** What the invitation behind a link offers, whatever its state; null for a token that matches nothing. */
export async function previewInvitation(token: string): Promise<InvitationPreview | null> {
  const [row] = await db
    .select(previewColumns)
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(users, eq(users.id, invitations.inviterId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return null;
  const { status, expiresAt, ...rest } = row;
  return { ...rest, state: stateOf({ status, expiresAt }) };
}

/**
 * Open invitations to a user's address (onboarding offers to accept them);
 * none until the address is confirmed — an address is only theirs once it is.
 */
export async function pendingInvitationsFor(user: {
  email: string;
  emailVerified: boolean;
}): Promise<InvitationPreview[]> {
  if (!user.emailVerified) return [];
  const email = user.email;
  const rows = await db
    .select(previewColumns)
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(users, eq(users.id, invitations.inviterId))
    .where(
      and(
        eq(invitations.email, email.toLowerCase()),
        eq(invitations.status, 'pending'),
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(invitations.createdAt));
  return rows.map(({ status, expiresAt, ...rest }) => ({ ...rest, state: stateOf({ status, expiresAt }) }));
}

export interface Invitee {
  id: string;
  email: string;
  emailVerified: boolean;
}

const REFUSALS: Record<Exclude<InvitationState, 'pending'>, string> = {
  expired: 'organizations.invitationExpired',
  accepted: 'organizations.invitationUsed',
  revoked: 'organizations.invitationRevoked',
};

/**
 * Accepts an invitation found by its link's token or by id (onboarding). The
 * membership is created only for a user with a verified email equal to the
 * invited address. The invitation row is locked, so two accepts at once make
 * one membership: the second sees it accepted (and, for the same user, simply
 * lands in the organization). Returns the organization's slug and name.
 *
 * `confirmAddress` is for an account just made from the invitation's link
 * (decision 0051): it confirms the user's address in the same transaction as
 * the invitation is used, and only for a pending invitation to that address
 * whose token was emailed there. Anything else confirms nothing.
 */
export async function acceptInvitation(
  user: Invitee,
  by: { token: string } | { invitationId: string },
  { confirmAddress }: { confirmAddress?: (tx: Transaction) => Promise<void> } = {},
): Promise<{ slug: string; organizationId: string; organizationName: string }> {
  if (confirmAddress && !('token' in by && invitationTokenWasEmailed(by.token)))
    throw new AppError('NOT_FOUND', { messageKey: 'organizations.invitationInvalid' });
  const joined = await db.transaction(async (tx) => {
    const match = 'token' in by ? eq(invitations.tokenHash, hashToken(by.token)) : eq(invitations.id, by.invitationId);
    const [invitation] = await tx.select().from(invitations).where(match).for('update');
    if (!invitation) throw new AppError('NOT_FOUND', { messageKey: 'organizations.invitationInvalid' });
    if (invitation.email !== user.email.toLowerCase()) {
      throw new AppError('FORBIDDEN', {
        messageKey: 'organizations.invitationOtherEmail',
        values: { email: invitation.email },
      });
    }
    if (!user.emailVerified && !confirmAddress)
      throw new AppError('FORBIDDEN', { messageKey: 'organizations.verifyEmailFirst' });
    const [organization] = await tx
      .select({ slug: organizations.slug, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, invitation.organizationId));
    const state = stateOf(invitation);
    if (state !== 'pending') {
      const [already] = await tx
        .select({ id: members.id })
        .from(members)
        .where(and(eq(members.organizationId, invitation.organizationId), eq(members.userId, user.id)));
      if (state === 'accepted' && already && !confirmAddress)
        return {
          slug: organization!.slug,
          organizationId: invitation.organizationId,
          organizationName: organization!.name,
        };
      throw new AppError('CONFLICT', { messageKey: REFUSALS[state] });
    }
    if (confirmAddress) await confirmAddress(tx);
    await runOrganizationHooks('beforeMembershipGrows', tx, {
      organizationId: invitation.organizationId,
      joining: 1,
      countExisting: () => membersAndOpenInvitations(tx, invitation.organizationId, [invitation.email]),
    });
    await tx
      .insert(members)
      .values({ organizationId: invitation.organizationId, userId: user.id, role: invitation.role })
      .onConflictDoNothing({ target: [members.organizationId, members.userId] });
    await tx
      .update(invitations)
      .set({ status: 'accepted', acceptedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(invitations.id, invitation.id));
    await recordAuditEvent(tx, {
      ...invitationEvent(
        'invitation.accepted',
        { userId: user.id, organizationId: invitation.organizationId },
        invitation.email,
        invitation.role,
      ),
      target: { type: 'user', id: user.id },
    });
    return {
      slug: organization!.slug,
      organizationId: invitation.organizationId,
      organizationName: organization!.name,
    };
  });
  await rememberOrganization(user.id, joined.organizationId);
  await membershipChanged(joined.organizationId);
  return joined;
}

/** An audit event about an invitation: its address is the target (there may be no account yet). */
function invitationEvent(
  action: 'invitation.sent' | 'invitation.revoked' | 'invitation.accepted',
  scope: TenantScope,
  email: string,
  role: string,
): AuditEvent {
  return {
    action,
    actorUserId: scope.userId,
    target: { type: 'email', id: email },
    organizationId: scope.organizationId,
    details: { email, role },
  };
}
