import 'server-only';
import { getTranslations } from 'next-intl/server';
import { roleNames } from '../roles';

/**
 * Every configured role's label in the visitor's language (`organizations.roles.<name>`),
 * for client components; a role added to the configuration without a translation shows its name.
 */
export async function getRoleLabels(): Promise<Record<string, string>> {
  const t = await getTranslations('organizations.roles');
  return Object.fromEntries(roleNames().map((role) => [role, t.has(role as never) ? t(role as never) : role]));
}
