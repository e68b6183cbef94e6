import { randomBytes, randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { users } from '@/features/auth/server/schema';
import { invitations, members, organizations } from '@/features/organizations/server/schema';
import type { Locale } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import type { ErrorCode } from '@/platform/http/errors';
import { errorText } from './messages';
import type { Outcome } from './visitor';

/**
 * Organizations for the organization tests, made directly with the system
 * connection (the create action itself is tested in create-and-settings):
 * one per test, so tests that share users never share an organization.
 */

export function uniqueSlug(prefix = 'org') {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export interface TestOrganization {
  id: string;
  name: string;
  slug: string;
  /** The membership id of each user, by user id. */
  memberIds: Record<string, string>;
}

/**
 * An organization with these users in these roles, e.g.
 * `makeOrganization([[owner, 'owner'], [admin, 'admin'], [member, 'member']])`.
 */
export async function makeOrganization(
  people: [{ id: string }, string][],
  options: { name?: string; slug?: string } = {},
): Promise<TestOrganization> {
  const slug = options.slug ?? uniqueSlug();
  const [row] = await db
    .insert(organizations)
    .values({ name: options.name ?? `Org ${slug}`, slug })
    .returning();
  const memberIds: Record<string, string> = {};
  for (const [person, role] of people) {
    const [membership] = await db
      .insert(members)
      .values({ organizationId: row!.id, userId: person.id, role })
      .returning({ id: members.id });
    memberIds[person.id] = membership!.id;
  }
  return { id: row!.id, name: row!.name, slug: row!.slug, memberIds };
}

/**
 * A user row only (no password, no session): for people who are listed or
 * acted upon but never act themselves. Much faster than createVerifiedUser.
 */
export async function insertUser(options: { name?: string; email?: string; emailVerified?: boolean } = {}) {
  const id = randomUUID();
  const email = options.email ?? `listed-${randomBytes(5).toString('hex')}@example.com`;
  await db.insert(users).values({
    id,
    name: options.name ?? 'Listed Person',
    email,
    emailVerified: options.emailVerified ?? true,
    onboardedAt: new Date(),
  });
  return { id, email };
}

/**
 * Everything the database holds about an organization, in a stable order:
 * compare it before and after a refusal to prove nothing changed.
 */
export async function organizationState(organizationId: string) {
  const [organization] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  const memberRows = await db
    .select({ id: members.id, userId: members.userId, role: members.role })
    .from(members)
    .where(eq(members.organizationId, organizationId))
    .orderBy(asc(members.id));
  const invitationRows = await db
    .select()
    .from(invitations)
    .where(eq(invitations.organizationId, organizationId))
    .orderBy(asc(invitations.id));
  return { organization: organization ?? null, members: memberRows, invitations: invitationRows };
}

/** The roles of an organization's members, by user id. */
export async function rolesIn(organizationId: string): Promise<Record<string, string>> {
  const rows = await db
    .select({ userId: members.userId, role: members.role })
    .from(members)
    .where(eq(members.organizationId, organizationId));
  return Object.fromEntries(rows.map((row) => [row.userId, row.role]));
}

/**
 * Asserts a refused action: its code, and the message the user reads, in
 * their language (a key of the `errors` namespace and its values).
 */
export function expectRefusal(
  outcome: Outcome<unknown>,
  code: ErrorCode,
  message: { key: string; values?: Record<string, string | number>; locale?: Locale },
) {
  expect(outcome).toMatchObject({
    ok: false,
    error: { code, message: errorText(message.locale ?? 'en', message.key, message.values) },
  });
}

/** Asserts a refusal about one field: its code and the translated message under that field. */
export function expectFieldRefusal(
  outcome: Outcome<unknown>,
  code: ErrorCode,
  field: string,
  message: { key: string; values?: Record<string, string | number>; locale?: Locale },
) {
  expect(outcome).toMatchObject({
    ok: false,
    error: { code, fieldErrors: { [field]: [errorText(message.locale ?? 'en', message.key, message.values)] } },
  });
}

/** A refusal's error without its request id: to show two refusals are the same answer. */
export function refusalOf(outcome: Outcome<unknown>) {
  if (!('ok' in outcome) || outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome)}`);
  const { requestId: _requestId, ...error } = outcome.error;
  return error;
}

/** The token of an invitation link (…/join?token=…). */
export function tokenOf(link: string) {
  const url = new URL(link);
  expect(url.pathname).toBe('/join');
  return url.searchParams.get('token')!;
}
