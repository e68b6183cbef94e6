import 'server-only';
import { createElement } from 'react';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/features/auth/server/schema';
import { dashboardPath, hasPermission } from '@/features/organizations/server';
import { members, organizations } from '@/features/organizations/server/schema';
import { appConfig, type Locale } from '@/platform/config/app-config';
import { db, type Transaction } from '@/platform/db/client';
import { renderEmail } from '@/platform/email/render';
import { sendEmail } from '@/platform/email/transport';
import { isLocale } from '@/platform/i18n/locale';
import type { Namespace } from '@/platform/i18n/messages';
import { translatorFor } from '@/platform/i18n/translator';
import { addJob, defineJob } from '@/platform/jobs/jobs';
import { formatMoney, renewalAmount } from '../pricing';
import type { SubscriptionStatus } from '../billing-fields';
import { BillingEmail, billingEmailSubject, type BillingEmailKind } from '../emails/billing-email';
import { findPlan } from './catalogue';
import { billingOrders, billingSubscriptionItems, billingSubscriptions } from './schema';

/**
 * Billing emails (docs/billing/emails.md). A webhook's transaction decides which emails a change
 * deserves and queues one job per recipient there — so a redelivered event, which finds its ledger row
 * taken, never queues again — and each job renders in its recipient's language when it runs.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long before a trial ends its reminder goes out. */
const TRIAL_REMINDER_DAYS = 3;

const SUBSCRIPTION_KINDS = ['trialEnding', 'paymentFailed', 'canceled', 'receipt'] as const;

/** The statuses a subscription must still have when its email is sent (a payment recovered since is not news). */
const STILL_TRUE: Record<(typeof SUBSCRIPTION_KINDS)[number], readonly SubscriptionStatus[] | null> = {
  trialEnding: ['trialing'],
  paymentFailed: ['past_due', 'unpaid'],
  canceled: ['canceled'],
  receipt: null,
};

const emailPayload = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(SUBSCRIPTION_KINDS), userId: z.string(), subscriptionId: z.uuid() }),
  z.object({ kind: z.literal('orderReceipt'), userId: z.string(), orderId: z.uuid() }),
]);
type EmailPayload = z.infer<typeof emailPayload>;

/** The people who hear about an organization's billing: its members whose role has `billing.manage`. */
async function billingManagers(executor: Transaction, organizationId: string): Promise<string[]> {
  const rows = await executor
    .select({ userId: members.userId, role: members.role })
    .from(members)
    .where(eq(members.organizationId, organizationId));
  return rows.filter((row) => hasPermission(row.role, 'billing.manage')).map((row) => row.userId);
}

function translated(locale: Locale, key: string): string {
  const [namespace, ...path] = key.split('.');
  const t = translatorFor(locale, namespace as Namespace) as unknown as (key: string) => string;
  return t(path.join('.'));
}

const formatDate = (date: Date, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);

/** The words of one email, as of now; null when it no longer applies (the job then sends nothing). */
async function emailFor(payload: EmailPayload, locale: Locale, organizationId: string) {
  if (payload.kind === 'orderReceipt') {
    const [order] = await db.select().from(billingOrders).where(eq(billingOrders.id, payload.orderId));
    const found = order && order.organizationId === organizationId ? findPlan(order.planId) : null;
    if (!order || !found || order.status !== 'paid') return null;
    return {
      planName: translated(locale, found.product.nameKey),
      date: formatDate(order.providerUpdatedAt, locale),
      amount: formatMoney(order.totalAmount, order.currency, locale),
    };
  }
  const [subscription] = await db
    .select()
    .from(billingSubscriptions)
    .where(eq(billingSubscriptions.id, payload.subscriptionId));
  const found = subscription ? findPlan(subscription.planId) : null;
  const still = STILL_TRUE[payload.kind];
  if (!subscription || !found || (still && !still.includes(subscription.status))) return null;
  const items = await db
    .select({ lineItemId: billingSubscriptionItems.lineItemId, quantity: billingSubscriptionItems.quantity })
    .from(billingSubscriptionItems)
    .where(eq(billingSubscriptionItems.subscriptionId, subscription.id));
  const amount = renewalAmount(found.plan, Object.fromEntries(items.map((item) => [item.lineItemId, item.quantity])));
  return {
    planName: translated(locale, found.product.nameKey),
    date: formatDate(
      payload.kind === 'trialEnding'
        ? (subscription.trialEndsAt ?? subscription.periodEndsAt)
        : subscription.periodEndsAt,
      locale,
    ),
    amount: formatMoney(amount, subscription.currency, locale),
  };
}

/** Sends one billing email to one person, if it still applies and they still manage the organization's billing. */
export const sendBillingEmail = defineJob({
  name: 'billing.send-email',
  payload: emailPayload.and(z.object({ organizationId: z.uuid() })),
  maxAttempts: 8,
  async run(payload, { logger }) {
    const [recipient] = await db
      .select({ email: users.email, locale: users.locale, role: members.role })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(and(eq(members.organizationId, payload.organizationId), eq(members.userId, payload.userId)));
    const [organization] = await db
      .select({ name: organizations.name, slug: organizations.slug })
      .from(organizations)
      .where(eq(organizations.id, payload.organizationId));
    if (!recipient || !organization || !hasPermission(recipient.role, 'billing.manage'))
      return logger.info({ kind: payload.kind }, 'billing email not sent: the recipient no longer manages billing');
    const locale = isLocale(recipient.locale) ? recipient.locale : appConfig.locales.default;
    const words = await emailFor(payload, locale, payload.organizationId);
    if (!words) return logger.info({ kind: payload.kind }, 'billing email not sent: it no longer applies');
    const values = {
      ...words,
      organizationName: organization.name,
      url: `${appConfig.site.url}${dashboardPath(organization.slug, 'billing')}`,
    };
    const kind: BillingEmailKind = payload.kind;
    const { html, text } = await renderEmail(createElement(BillingEmail, { locale, kind, values }));
    await sendEmail({ to: recipient.email, subject: billingEmailSubject(locale, kind, values), html, text });
  },
});

/** Queues one email per billing manager, in the caller's transaction; `key` names this occasion. */
async function queueEmails(
  tx: Transaction,
  organizationId: string,
  key: string,
  email: EmailPayload extends infer P ? (P extends unknown ? Omit<P, 'userId'> : never) : never,
) {
  for (const userId of await billingManagers(tx, organizationId)) {
    await addJob(
      tx,
      sendBillingEmail,
      { ...email, userId, organizationId } as EmailPayload & { organizationId: string },
      { jobKey: `billing.email:${email.kind}:${key}:${userId}` },
    );
  }
}

/**
 * Three days before a trial ends: queues the reminder emails if the subscription is still trialing
 * towards that same end (a changed trial end queued a new reminder under the same key).
 */
export const remindTrialEnding = defineJob({
  name: 'billing.remind-trial-ending',
  payload: z.object({ subscriptionId: z.uuid(), trialEndsAt: z.iso.datetime() }),
  maxAttempts: 5,
  async run({ subscriptionId, trialEndsAt }, { logger }) {
    await db.transaction(async (tx) => {
      const [subscription] = await tx
        .select()
        .from(billingSubscriptions)
        .where(eq(billingSubscriptions.id, subscriptionId));
      if (subscription?.status !== 'trialing' || subscription.trialEndsAt?.toISOString() !== trialEndsAt)
        return logger.info({ subscriptionId }, 'trial reminder not sent: the trial changed or ended');
      await queueEmails(tx, subscription.organizationId, `${subscriptionId}:${trialEndsAt}`, {
        kind: 'trialEnding',
        subscriptionId,
      });
    });
  },
});

type SubscriptionState = Pick<
  typeof billingSubscriptions.$inferSelect,
  'id' | 'organizationId' | 'status' | 'periodStartsAt' | 'trialEndsAt' | 'providerUpdatedAt'
>;

const UNPAID: readonly SubscriptionStatus[] = ['past_due', 'unpaid'];
/** Statuses from which becoming active means a payment was taken (a first charge, or a recovered one). */
const CHARGED_FROM: readonly (SubscriptionStatus | undefined)[] = [
  undefined,
  'trialing',
  'incomplete',
  'past_due',
  'unpaid',
];

/**
 * The emails a subscription change deserves, queued in the webhook's transaction: `prior` is the row
 * before the change (undefined for a new one), `current` the state just applied.
 */
export async function queueSubscriptionEmails(
  tx: Transaction,
  prior: SubscriptionState | undefined,
  current: SubscriptionState,
): Promise<void> {
  const { id: subscriptionId, organizationId } = current;
  const occasion = `${subscriptionId}:${current.providerUpdatedAt.getTime()}`;
  if (current.status === 'trialing' && current.trialEndsAt) {
    const runAt = new Date(current.trialEndsAt.getTime() - TRIAL_REMINDER_DAYS * DAY_MS);
    // Too late for a three-day notice (a shorter trial, or a change in its last days): none is sent.
    if (runAt.getTime() > Date.now()) {
      await addJob(
        tx,
        remindTrialEnding,
        { subscriptionId, trialEndsAt: current.trialEndsAt.toISOString() },
        { jobKey: `billing.trial-reminder:${subscriptionId}`, runAt },
      );
    }
  }
  if (UNPAID.includes(current.status) && !(prior && UNPAID.includes(prior.status)))
    await queueEmails(tx, organizationId, occasion, { kind: 'paymentFailed', subscriptionId });
  if (current.status === 'canceled' && prior && prior.status !== 'canceled')
    await queueEmails(tx, organizationId, occasion, { kind: 'canceled', subscriptionId });
  const renewed = prior?.status === 'active' && current.periodStartsAt.getTime() > prior.periodStartsAt.getTime();
  if (current.status === 'active' && (CHARGED_FROM.includes(prior?.status) || renewed))
    await queueEmails(tx, organizationId, occasion, { kind: 'receipt', subscriptionId });
}

/** An order that became paid gets its receipt (once: the key is the order's). */
export async function queueOrderEmails(
  tx: Transaction,
  priorStatus: string | undefined,
  current: { id: string; organizationId: string; status: string },
): Promise<void> {
  if (current.status === 'paid' && priorStatus !== 'paid')
    await queueEmails(tx, current.organizationId, current.id, { kind: 'orderReceipt', orderId: current.id });
}
