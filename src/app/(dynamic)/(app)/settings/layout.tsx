import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { securityActivityPath } from '@/features/audit';
import { SettingsNav } from '@/features/auth/components/settings/settings-nav';
import { ClientMessages } from '@/platform/i18n/client-messages';
import { PageHeader } from '@/ui/page-header';

const SECTIONS = ['profile', 'account', 'security', 'preferences'] as const;

/**
 * The settings area: a title and one tab per section. Each page checks the
 * user itself (requireUser); a layout is not re-run on every navigation.
 * To add a section: a folder here with its page, and its name in SECTIONS
 * and in messages/<locale>/settings.json under `nav` (docs/auth/account-settings.md).
 */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const [t, tAudit] = await Promise.all([getTranslations('settings'), getTranslations('audit.activity')]);
  return (
    <div className="grid w-full max-w-3xl grid-cols-1 gap-6">
      <PageHeader title={t('title')} description={t('description')} className="pb-0" />
      <SettingsNav
        label={t('nav.label')}
        items={[
          ...SECTIONS.map((section) => ({ path: `/settings/${section}`, label: t(`nav.${section}`) })),
          // The account's security events (src/features/audit).
          { path: securityActivityPath, label: tAudit('navLabel') },
        ]}
      />
      <div className="grid grid-cols-1 gap-6">
        {/* The words the settings pages' client components use (docs/performance.md). */}
        <ClientMessages paths={['settings', 'audit', 'organizations.roles']}>{children}</ClientMessages>
      </div>
    </div>
  );
}
