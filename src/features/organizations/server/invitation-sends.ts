import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import { normaliseEmail } from '@/features/auth/server';
import { users } from '@/features/auth/server/schema';
import { appConfig } from '@/platform/config/app-config';
import { db, type Transaction } from '@/platform/db/client';
import type { TenantScope } from '@/platform/db/tenant';
import { AppError } from '@/platform/http/errors';
import { accountInvitationBudget, organizationInvitationBudget } from '../invitation-budget';
import { invitationSends, organizations } from './schema';

const WINDOW_SECONDS = { hour: 60 * 60, day: 24 * 60 * 60 } as const;
type Window = keyof typeof WINDOW_SECONDS;

/**
 * Locks the organization's and the account's budgets until the transaction ends (always in
 * this order). Take it before locking an invitation row: an invite locks budgets, then rows.
 */
export async function lockInvitationBudgets(tx: Transaction, scope: TenantScope): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`keel:invitation-sends:organization:${scope.organizationId}`}, 0))`,
  );
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`keel:invitation-sends:account:${scope.userId}`}, 0))`,
  );
}

/** One mailbox, one budget: "+tags" and case do not make a new address (as for the account limits). */
function addressHash(email: string) {
  return createHash('sha256').update(normaliseEmail(email)).digest('hex');
}

/**
 * How long until enough of `sentAt` (the sends in the window, oldest first) leave it for `wanted` more to fit `limit`.
 */
function secondsUntilRoom(sentAt: Date[], wanted: number, limit: number, window: Window, now: Date) {
  const mustLeave = Math.min(sentAt.length, sentAt.length + wanted - limit);
  // Asking for more than the limit at once: the whole window must pass.
  if (mustLeave <= 0) return WINDOW_SECONDS[window];
  const leavesAt = sentAt[mustLeave - 1]!.getTime() + WINDOW_SECONDS[window] * 1000;
  return Math.max(1, Math.ceil((leavesAt - now.getTime()) / 1000));
}

/** "in 42 minutes" up to two hours, then "in 5 hours". */
function waitValues(seconds: number) {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 120 ? { unit: 'minutes', amount: minutes } : { unit: 'hours', amount: Math.ceil(minutes / 60) };
}

interface Refusal {
  seconds: number;
  messageKey: string;
  values: Record<string, string | number>;
}

/**
 * Records invitation emails to `emails` as sent by the acting user for the
 * organization, or refuses them all with 429 and a message saying when more
 * can go (nothing recorded; the caller's transaction rolls back).
 *
 * Budgets (appConfig.organizations.invitationBudget): per organization and per
 * account, each per hour and per day, smaller while either is new; per address
 * per organization per day. Race-safe: it counts and records in the caller's
 * tenant transaction holding `lockInvitationBudgets`, so concurrent sends of
 * one organization, and of one account from several organizations, are
 * counted one at a time.
 */
export async function spendInvitationBudget(tx: Transaction, scope: TenantScope, emails: string[]): Promise<void> {
  await lockInvitationBudgets(tx, scope);
  // The clock once the lock is held, not the transaction's start (`now()`): a request that waited for the
  // lock started before the sends it waited for were recorded, and would count an hour from too early.
  const { rows } = await tx.execute<{ now: Date }>(sql`select clock_timestamp() as now`);
  const now = new Date(rows[0]!.now);
  const [organization] = await tx
    .select({ createdAt: organizations.createdAt })
    .from(organizations)
    .where(eq(organizations.id, scope.organizationId));
  const [account] = await tx.select({ createdAt: users.createdAt }).from(users).where(eq(users.id, scope.userId));
  const sends = await tx
    .select({
      organizationId: invitationSends.organizationId,
      senderId: invitationSends.senderId,
      addressHash: invitationSends.addressHash,
      sentAt: invitationSends.sentAt,
    })
    .from(invitationSends)
    .where(
      and(
        gt(invitationSends.sentAt, new Date(now.getTime() - WINDOW_SECONDS.day * 1000)),
        or(eq(invitationSends.organizationId, scope.organizationId), eq(invitationSends.senderId, scope.userId)),
      ),
    )
    .orderBy(invitationSends.sentAt);

  const refusals: Refusal[] = [];
  const inWindow = (window: Window, list: typeof sends) =>
    list
      .filter((send) => send.sentAt.getTime() > now.getTime() - WINDOW_SECONDS[window] * 1000)
      .map((send) => send.sentAt);
  const budgets = [
    {
      scope: 'organization',
      budget: organizationInvitationBudget(organization!, now),
      sends: sends.filter((send) => send.organizationId === scope.organizationId),
    },
    {
      scope: 'account',
      budget: accountInvitationBudget(account!, now),
      sends: sends.filter((send) => send.senderId === scope.userId),
    },
  ];
  for (const { scope: who, budget, sends: counted } of budgets) {
    for (const window of ['hour', 'day'] as const) {
      const limit = window === 'hour' ? budget.perHour : budget.perDay;
      const sentAt = inWindow(window, counted);
      if (sentAt.length + emails.length <= limit) continue;
      const seconds = secondsUntilRoom(sentAt, emails.length, limit, window, now);
      refusals.push({
        seconds,
        messageKey: 'organizations.invitationLimit',
        values: { scope: who, window, limit, remaining: Math.max(0, limit - sentAt.length), ...waitValues(seconds) },
      });
    }
  }
  const perAddress = appConfig.organizations.invitationBudget.perAddressPerDay;
  const ofOrganization = budgets[0]!.sends;
  for (const email of emails) {
    const hash = addressHash(email);
    const sentAt = inWindow(
      'day',
      ofOrganization.filter((send) => send.addressHash === hash),
    );
    if (sentAt.length + 1 <= perAddress) continue;
    const seconds = secondsUntilRoom(sentAt, 1, perAddress, 'day', now);
    refusals.push({
      seconds,
      messageKey: 'organizations.invitationAddressLimit',
      values: { email, limit: perAddress, ...waitValues(seconds) },
    });
  }

  // The refusal that lasts longest says when this request could go through.
  const refusal = refusals.sort((a, b) => b.seconds - a.seconds)[0];
  if (refusal)
    throw new AppError('RATE_LIMITED', {
      messageKey: refusal.messageKey,
      values: refusal.values,
      retryAfterSeconds: refusal.seconds,
    });

  await tx.insert(invitationSends).values(
    emails.map((email) => ({
      organizationId: scope.organizationId,
      senderId: scope.userId,
      addressHash: addressHash(email),
      sentAt: now,
    })),
  );
}

/**
 * Now and then, forget sends older than the longest window (with the app's own connection: the tenant may not delete).
 */
export async function forgetOldInvitationSends(): Promise<void> {
  if (Math.random() < 0.02)
    await db.delete(invitationSends).where(lt(invitationSends.sentAt, sql`now() - interval '1 day'`));
}
