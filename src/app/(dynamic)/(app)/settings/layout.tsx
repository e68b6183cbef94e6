import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SettingsNav } from '@/features/auth/components/settings/settings-nav';
import { PageHeader } from '@/ui/page-header';

const SECTIONS = ['profile', 'account', 'security', 'preferences'] as const;

/**
 * The settings area: a title and one tab per section. Each page checks the
 * user itself (requireUser); a layout is not re-run on every navigation.
 * To add a section: a folder here with its page, and its name in SECTIONS
 * and in messages/<locale>/settings.json under `nav` (docs/auth/account-settings.md).
 */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('settings');
  return (
    <div className="mx-auto grid w-full max-w-3xl grid-cols-1 gap-6">
      <PageHeader title={t('title')} description={t('description')} className="pb-0" />
      <SettingsNav
        label={t('nav.label')}
        items={SECTIONS.map((section) => ({ path: `/settings/${section}`, label: t(`nav.${section}`) }))}
      />
      <div className="grid grid-cols-1 gap-6">{children}</div>
    </div>
  );
}
