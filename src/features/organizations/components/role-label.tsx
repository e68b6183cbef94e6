'use client';

import { useTranslations } from 'next-intl';

/** The translated name of a role ("Owner"); a role added to the configuration without a label shows its name. */
export function useRoleLabel(): (role: string) => string {
  const t = useTranslations('organizations.roles');
  return (role) => (t.has(role as never) ? t(role as never) : role);
}
