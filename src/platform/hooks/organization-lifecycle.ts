import 'server-only';
import type { Transaction } from '@/platform/db/client';
import { logger } from '@/platform/logger';

/**
 * Points in an organization's life where another feature may take part (decision 0038). The
 * organizations feature calls them; a feature that must know — billing, for limits, seats and the
 * subscription — registers its hooks when its server face loads. Organizations so never import
 * billing (billing already imports organizations: the other way would be a cycle).
 */
export interface OrganizationLifecycleHooks {
  /**
   * Inside the transaction that is about to add `joining` members or pending invitations (after
   * `countExisting()`: members plus open invitations). Throw an AppError to refuse; hold a lock so
   * concurrent additions wait.
   */
  beforeMembershipGrows?(
    tx: Transaction,
    change: { organizationId: string; joining: number; countExisting: () => Promise<number> },
  ): Promise<void>;
  /**
   * After the transaction that added or removed members committed (the tenant role may not queue jobs,
   * so follow-up work is queued here; keep it idempotent).
   */
  afterMembershipChanged?(change: { organizationId: string }): Promise<void>;
  /**
   * Inside the deleting transaction, before the organization's rows go: throw an AppError to stop the deletion
   * (nothing is deleted).
   */
  beforeOrganizationDeleted?(tx: Transaction, organization: { organizationId: string }): Promise<void>;
}

// On globalThis: Next.js bundles the instrumentation hook and the routes apart, and both must see one list.
const registry = globalThis as typeof globalThis & { keelOrganizationHooks?: Map<string, OrganizationLifecycleHooks> };
const hooks = (registry.keelOrganizationHooks ??= new Map());

/** Registers (or replaces, by `name`) a feature's hooks. */
export function registerOrganizationHooks(name: string, value: OrganizationLifecycleHooks): void {
  hooks.set(name, value);
}

type InTransaction = 'beforeMembershipGrows' | 'beforeOrganizationDeleted';
type HookArgument<H extends InTransaction> = Parameters<NonNullable<OrganizationLifecycleHooks[H]>>[1];

/** Runs every registered hook of one kind inside the caller's transaction, in registration order. */
export async function runOrganizationHooks<H extends InTransaction>(
  hook: H,
  tx: Transaction,
  argument: HookArgument<H>,
): Promise<void> {
  for (const registered of hooks.values()) {
    const run = registered[hook] as ((tx: Transaction, argument: HookArgument<H>) => Promise<void>) | undefined;
    if (run) await run(tx, argument);
  }
}

/**
 * Runs every afterMembershipChanged hook, after the change committed. A failing hook is logged, not
 * thrown: the change itself succeeded, and the user must not be told otherwise (and retry it).
 */
export async function membershipChanged(organizationId: string): Promise<void> {
  for (const [name, registered] of hooks) {
    try {
      await registered.afterMembershipChanged?.({ organizationId });
    } catch (error) {
      logger.error({ err: error, hook: name, organizationId }, 'an afterMembershipChanged hook failed');
    }
  }
}
