import 'server-only';
import { sql } from 'drizzle-orm';
import { db, type Transaction } from './client';
import { isUuid } from './uuid';

/** The PostgreSQL role tenant transactions run as (created by drizzle/0005_organization_rls.sql; no BYPASSRLS). */
const TENANT_ROLE = 'keel_tenant';

export interface TenantScope {
  /** The acting user. */
  userId: string;
  /** The organization the work is for. */
  organizationId: string;
}

/**
 * Runs organization work in a transaction that row-level security confines
 * to one organization: for this transaction only (SET LOCAL semantics) it
 * switches to the tenant role and records the acting user and organization.
 * Every query inside — even one without a `where` on organization — sees and
 * writes only that organization's rows, and nothing at all unless the user is
 * one of its members. When the transaction ends the connection goes back to
 * the pool with none of it set.
 *
 *   const rows = await withTenant({ userId, organizationId }, (tx) => tx.select().from(tasks));
 */
export async function withTenant<T>(scope: TenantScope, work: (tx: Transaction) => Promise<T>): Promise<T> {
  if (!isUuid(scope.organizationId))
    throw new Error(`withTenant: not an organization id: ${JSON.stringify(scope.organizationId)}`);
  return asTenant(scope.userId, scope.organizationId, work);
}

/**
 * The tenant transaction for a user's own rows, in no organization: every organization's rows stay out of reach,
 * and only policies about the acting user let rows through (their own audit events, say).
 */
export async function withUserTenant<T>(userId: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return asTenant(userId, '', work);
}

async function asTenant<T>(userId: string, organizationId: string, work: (tx: Transaction) => Promise<T>) {
  if (!userId) throw new Error('withTenant: no acting user');
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${TENANT_ROLE}, true), set_config('keel.user_id', ${userId}, true), set_config('keel.organization_id', ${organizationId}, true)`,
    );
    return work(tx);
  });
}
