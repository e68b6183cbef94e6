import 'server-only';
import { recordAuditEvent, type AuditEvent } from '@/features/audit/server';
import { eq, sql } from 'drizzle-orm';
import { appConfig } from '@/platform/config/app-config';
import { db, type Transaction } from '@/platform/db/client';
import type { TenantScope } from '@/platform/db/tenant';
import { isUuid } from '@/platform/db/uuid';
import { runOrganizationHooks } from '@/platform/hooks/organization-lifecycle';
import { AppError, fieldRefusal } from '@/platform/http/errors';
import { OWNER_ROLE } from '../roles';
import { inOrganization, logoUrl, rememberOrganization, type Organization } from './access';
import { members, organizations } from './schema';

function assertSlugAllowed(slug: string) {
  if (appConfig.organizations.reservedSlugs.includes(slug.toLowerCase()))
    throw fieldRefusal('VALIDATION_FAILED', 'slug', 'organizations.slugReserved');
}

/** PostgreSQL's unique violation on the slug index: another organization has it (also when two requests race). */
function isSlugTaken(error: unknown) {
  const cause =
    (error as { cause?: { code?: string; constraint?: string } }).cause ??
    (error as { code?: string; constraint?: string });
  return cause?.code === '23505' && cause.constraint === 'organizations_slug_key';
}

async function slugTakenOr<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isSlugTaken(error)) throw fieldRefusal('CONFLICT', 'slug', 'organizations.slugTaken');
    throw error;
  }
}

/**
 * Creates an organization with `userId` as its owner, and makes it the one
 * they work in. Two requests for one slug at once: one wins, the other gets a
 * 409 on the slug field (the unique index decides, not a prior read).
 */
export async function createOrganization(userId: string, input: { name: string; slug: string }): Promise<Organization> {
  assertSlugAllowed(input.slug);
  const created = await slugTakenOr(
    db.transaction(async (tx) => {
      const [organization] = await tx
        .insert(organizations)
        .values({ name: input.name, slug: input.slug.toLowerCase() })
        .returning();
      await tx.insert(members).values({ organizationId: organization!.id, userId, role: OWNER_ROLE });
      await recordAuditEvent(tx, organizationEvent('organization.created', userId, organization!));
      return organization!;
    }),
  );
  await rememberOrganization(userId, created.id);
  return { id: created.id, name: created.name, slug: created.slug, logoUrl: null, createdAt: created.createdAt };
}

/** Renames the organization and/or changes its slug (permission organization.update). */
export async function updateOrganization(
  scope: TenantScope,
  input: { name: string; slug: string },
): Promise<{ name: string; slug: string }> {
  assertSlugAllowed(input.slug);
  return slugTakenOr(
    inOrganization(scope, { permission: 'organization.update' }, async (tx) => {
      const [row] = await tx
        .update(organizations)
        .set({ name: input.name, slug: input.slug.toLowerCase(), updatedAt: sql`now()` })
        .where(eq(organizations.id, scope.organizationId))
        .returning({ name: organizations.name, slug: organizations.slug });
      return row!;
    }),
  );
}

/** Replaces the logo's storage key; returns the previous key (for the caller to delete the file). */
export async function setOrganizationLogo(
  scope: TenantScope,
  key: string | null,
): Promise<{ previous: string | null; logoUrl: string | null }> {
  return inOrganization(scope, { permission: 'organization.update', lock: true }, async (tx) => {
    const [current] = await tx
      .select({ logo: organizations.logo })
      .from(organizations)
      .where(eq(organizations.id, scope.organizationId));
    await tx
      .update(organizations)
      .set({ logo: key, updatedAt: sql`now()` })
      .where(eq(organizations.id, scope.organizationId));
    return { previous: current?.logo ?? null, logoUrl: logoUrl(key) };
  });
}

/**
 * Deletes the organization and everything scoped to it (foreign keys cascade),
 * after the owner typed its name. Returns the logo key for the caller to remove.
 */
export async function deleteOrganization(scope: TenantScope, confirmation: string): Promise<{ logo: string | null }> {
  if (!appConfig.features.organizationDeletion) throw new AppError('NOT_FOUND');
  return inOrganization(scope, { permission: 'organization.delete', lock: true }, async (tx) => {
    const [organization] = await tx.select().from(organizations).where(eq(organizations.id, scope.organizationId));
    if (!organization || confirmation.trim() !== organization.name.trim()) {
      throw fieldRefusal('VALIDATION_FAILED', 'confirmation', 'organizations.deleteConfirmation');
    }
    // Recorded before the rows go: the row outlives the organization (the admin area reads it).
    await removeOrganization(tx, organization, organizationEvent('organization.deleted', scope.userId, organization));
    return { logo: organization.logo };
  });
}

/**
 * The same deletion done by an operator who is not a member (a super admin, src/features/admin), in the caller's
 * transaction on the app's own connection, after they typed the organization's slug. `event` is the caller's audit
 * row, written with the deletion. Same rules as an owner's: billing's hooks end the subscription at the provider
 * first, and a refusal there stops it (nothing deleted). Returns the organization (its logo key to remove).
 */
export async function deleteOrganizationAsOperator(
  tx: Transaction,
  organizationId: string,
  confirmationSlug: string,
  event: (organization: { id: string; name: string; slug: string }) => AuditEvent,
): Promise<{ id: string; name: string; slug: string; logo: string | null }> {
  if (!appConfig.features.organizationDeletion) throw new AppError('NOT_FOUND');
  const organization = await lockOrganization(tx, organizationId);
  if (confirmationSlug.trim().toLowerCase() !== organization.slug.toLowerCase())
    throw fieldRefusal('VALIDATION_FAILED', 'confirmation', 'admin.organizations.deleteConfirmation');
  await removeOrganization(tx, organization, event(organization));
  return { id: organization.id, name: organization.name, slug: organization.slug, logo: organization.logo };
}

/** The organization's row, locked until the transaction ends (changes to it and its members wait); 404 if none. */
export async function lockOrganization(tx: Transaction, organizationId: string) {
  if (!isUuid(organizationId)) throw new AppError('NOT_FOUND');
  const [organization] = await tx
    .select()
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for('update');
  if (!organization) throw new AppError('NOT_FOUND');
  return organization;
}

/** Billing's hooks (a refusal throws: nothing deleted), the audit row, then the rows — one transaction. */
async function removeOrganization(tx: Transaction, organization: { id: string }, event: AuditEvent) {
  // Billing cancels the subscription here: if the provider refuses, this throws and nothing is deleted.
  await runOrganizationHooks('beforeOrganizationDeleted', tx, { organizationId: organization.id });
  await recordAuditEvent(tx, event);
  await tx.delete(organizations).where(eq(organizations.id, organization.id));
}

/** An audit event about the organization itself. */
function organizationEvent(
  action: 'organization.created' | 'organization.deleted',
  actorUserId: string,
  organization: { id: string; name: string; slug: string },
) {
  return {
    action,
    actorUserId,
    target: { type: 'organization' as const, id: organization.id },
    organizationId: organization.id,
    details: { name: organization.name, slug: organization.slug },
  };
}
