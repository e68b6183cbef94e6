import 'server-only';
import { and, eq, gt, isNotNull, isNull, lte, or, type SQL } from 'drizzle-orm';
import { recordAuditEvent } from '@/features/audit/server';
import {
  deleteAccountOf,
  isBanInForce,
  listSessions,
  listSignInMethods,
  resetTwoFactorOf,
  sendConfirmationAgain,
} from '@/features/auth/server';
import { listOrganizationsOfUser } from '@/features/organizations/server';
import { sessions, users } from '@/features/auth/server/schema';
import { db } from '@/platform/db/client';
import { defineDataLoader, type LoadedPage } from '@/platform/db/data-loader';
import { AppError, fieldRefusal } from '@/platform/http/errors';
import { adminUserQuery, type AdminUserQuery } from '../user-query';
import { isSuperAdmin } from './super-admins';

/** A user as the admin list and detail page show them. */
export interface AdminUserRow {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  bannedAt: Date | null;
  banReason: string | null;
  banExpiresAt: Date | null;
  createdAt: Date;
}

const userFields = {
  id: users.id,
  name: users.name,
  email: users.email,
  emailVerified: users.emailVerified,
  twoFactorEnabled: users.twoFactorEnabled,
  bannedAt: users.bannedAt,
  banReason: users.banReason,
  banExpiresAt: users.banExpiresAt,
  createdAt: users.createdAt,
};

const userPages = defineDataLoader<AdminUserRow, 'createdAt' | 'name' | 'email', typeof adminUserQuery.spec.filters>(
  adminUserQuery,
  {
    table: users,
    fields: userFields,
    sorts: { createdAt: users.createdAt, name: users.name, email: users.email },
    tiebreaker: users.id,
    // `status` is a condition, not a column: built below and taken out of the query handed to the loader.
    filters: { status: users.bannedAt, twoFactor: users.twoFactorEnabled },
    search: [users.name, users.email],
  },
);

/** A ban in force: set, and either open-ended or ending later. */
function bannedNow(now = new Date()): SQL {
  return and(isNotNull(users.bannedAt), or(isNull(users.banExpiresAt), gt(users.banExpiresAt, now)))!;
}

export function isBanned(user: Pick<AdminUserRow, 'bannedAt' | 'banExpiresAt'>): boolean {
  return isBanInForce(user.bannedAt, user.banExpiresAt);
}

/** A page of every user (the caller is a super admin: the page and action gates check). */
export async function listUsers(query: AdminUserQuery): Promise<LoadedPage<AdminUserRow>> {
  const statuses = query.filters.status?.in ?? [];
  const where =
    statuses.length === 1
      ? statuses[0] === 'banned'
        ? bannedNow()
        : or(isNull(users.bannedAt), lte(users.banExpiresAt, new Date()))
      : undefined;
  return userPages.load(db, { ...query, filters: { ...query.filters, status: undefined } }, { where });
}

export async function findUser(userId: string): Promise<AdminUserRow | null> {
  const [row] = await db.select(userFields).from(users).where(eq(users.id, userId)).limit(1);
  return row ?? null;
}

interface AdminActor {
  id: string;
}

/**
 * Bans a user: records why and until when, signs every session of theirs out, and writes the audit row — one
 * transaction. No new session is created for them meanwhile (auth's session hook), and any left is not honoured.
 */
export async function banUser(
  actor: AdminActor,
  input: { userId: string; reason: string; until?: string },
): Promise<{ sessions: number }> {
  if (input.userId === actor.id) throw new AppError('BAD_REQUEST', { messageKey: 'admin.cannotBanSelf' });
  const target = await findUser(input.userId);
  if (!target) throw new AppError('NOT_FOUND');
  if (await isSuperAdmin(target)) throw new AppError('CONFLICT', { messageKey: 'admin.cannotBanSuperAdmin' });
  // The ban lasts through the chosen day (UTC): it ends at the next midnight.
  const expiresAt = input.until ? new Date(Date.parse(`${input.until}T00:00:00Z`) + 24 * 60 * 60 * 1000) : null;
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ bannedAt: new Date(), banReason: input.reason, banExpiresAt: expiresAt, updatedAt: new Date() })
      .where(eq(users.id, target.id));
    const removed = await tx.delete(sessions).where(eq(sessions.userId, target.id)).returning({ id: sessions.id });
    await recordAuditEvent(tx, {
      action: 'admin.userBanned',
      actorUserId: actor.id,
      target: { type: 'user', id: target.id },
      details: { reason: input.reason, until: input.until || null, sessions: removed.length },
    });
    return { sessions: removed.length };
  });
}

/** Lifts a user's ban (they may sign in again), with its audit row. */
export async function unbanUser(actor: AdminActor, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ bannedAt: null, banReason: null, banExpiresAt: null, updatedAt: new Date() })
      .where(and(eq(users.id, userId), isNotNull(users.bannedAt)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new AppError('NOT_FOUND');
    await recordAuditEvent(tx, {
      action: 'admin.userUnbanned',
      actorUserId: actor.id,
      target: { type: 'user', id: userId },
    });
  });
}

/** Signs every session of the user out (a stolen laptop, a leaked cookie), with its audit row. */
export async function signOutUserEverywhere(actor: AdminActor, userId: string): Promise<{ sessions: number }> {
  const target = await findUser(userId);
  if (!target) throw new AppError('NOT_FOUND');
  return db.transaction(async (tx) => {
    const removed = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
    await recordAuditEvent(tx, {
      action: 'admin.userSignedOutEverywhere',
      actorUserId: actor.id,
      target: { type: 'user', id: userId },
      details: { sessions: removed.length },
    });
    return { sessions: removed.length };
  });
}

/** A user other than the acting admin and not a super admin: the ones whose account the area may change. */
async function ordinaryUser(actor: AdminActor, userId: string): Promise<AdminUserRow> {
  if (userId === actor.id) throw new AppError('BAD_REQUEST', { messageKey: 'admin.notOnYourself' });
  const target = await findUser(userId);
  if (!target) throw new AppError('NOT_FOUND');
  if (await isSuperAdmin(target)) throw new AppError('CONFLICT', { messageKey: 'admin.notOnSuperAdmin' });
  return target;
}

/** Sends the sign-up confirmation link again to a user who has not confirmed their address. */
export async function resendUserConfirmation(actor: AdminActor, userId: string): Promise<void> {
  const target = await findUser(userId);
  if (!target) throw new AppError('NOT_FOUND');
  const sent = await sendConfirmationAgain(userId, (tx) =>
    recordAuditEvent(tx, { action: 'admin.confirmationResent', actorUserId: actor.id, target: userTarget(userId) }),
  );
  if (!sent) throw new AppError('CONFLICT', { messageKey: 'admin.alreadyConfirmed' });
}

/**
 * Turns two-factor authentication off for a user who lost their authenticator and recovery codes (after the
 * operator has checked who they are, outside Keel); the user is told by email. Not for super admins.
 */
export async function resetUserTwoFactor(actor: AdminActor, userId: string): Promise<void> {
  await ordinaryUser(actor, userId);
  const reset = await resetTwoFactorOf(userId, (tx) =>
    recordAuditEvent(tx, { action: 'admin.twoFactorReset', actorUserId: actor.id, target: userTarget(userId) }),
  );
  if (!reset) throw new AppError('CONFLICT', { messageKey: 'admin.twoFactorNotOn' });
}

/**
 * Deletes a user's account for good, with the rules of self-deletion (refused while they are the only owner of
 * an organization with other members). The audit row keeps the address, since the user row goes.
 */
export async function deleteUser(actor: AdminActor, userId: string, confirmation: string): Promise<void> {
  const target = await ordinaryUser(actor, userId);
  if (confirmation.trim().toLowerCase() !== target.email.toLowerCase())
    throw fieldRefusal('VALIDATION_FAILED', 'confirmation', 'admin.deleteConfirmation');
  await deleteAccountOf(userId, (tx) =>
    recordAuditEvent(tx, {
      action: 'admin.userDeleted',
      actorUserId: actor.id,
      target: userTarget(userId),
      details: { email: target.email },
    }),
  );
}

function userTarget(id: string) {
  return { type: 'user' as const, id };
}

/** Everything the admin detail page shows about a user, or null when there is no such user. */
export async function adminUserDetail(userId: string) {
  const user = await findUser(userId);
  if (!user) return null;
  const [organizations, userSessions, signInMethods, superAdmin] = await Promise.all([
    listOrganizationsOfUser(userId),
    listSessions(userId),
    listSignInMethods(userId),
    isSuperAdmin(user),
  ]);
  return {
    user,
    banned: isBanned(user),
    superAdmin,
    organizations: organizations.map(({ id, name, slug, role }) => ({ id, name, slug, role })),
    sessions: userSessions,
    signInMethods,
  };
}

export type AdminUserDetail = NonNullable<Awaited<ReturnType<typeof adminUserDetail>>>;
