import 'server-only';

/**
 * Points in an account's life where a feature may take part. The auth feature calls them; a feature
 * that owns rows the account's deletion takes with it (organizations: the user's solo organizations,
 * deleted by a trigger that runs no application code) registers here. Auth so imports no feature.
 */
export interface AccountLifecycleHooks {
  /**
   * Before the account is deleted, after the deletion was rehearsed (assertCanDeleteAccount). Throw an
   * AppError to stop the deletion, with the message the user reads.
   */
  beforeAccountDeleted?(account: { userId: string }): Promise<void>;
}

// On globalThis for the same reason as organization-lifecycle.ts: instrumentation and routes are bundled apart.
const registry = globalThis as typeof globalThis & { keelAccountHooks?: Map<string, AccountLifecycleHooks> };
const hooks = (registry.keelAccountHooks ??= new Map());

/** Registers (or replaces, by `name`) a feature's hooks. */
export function registerAccountHooks(name: string, value: AccountLifecycleHooks): void {
  hooks.set(name, value);
}

/** Runs every beforeAccountDeleted hook in registration order; the first refusal stops the deletion. */
export async function runBeforeAccountDeleted(userId: string): Promise<void> {
  for (const registered of hooks.values()) await registered.beforeAccountDeleted?.({ userId });
}
