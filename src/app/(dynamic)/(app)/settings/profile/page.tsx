import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AvatarForm } from '@/features/auth/components/settings/avatar-form';
import { ProfileNameForm } from '@/features/auth/components/settings/profile-name-form';
import { SettingsSection } from '@/features/auth/components/settings/settings-section';
import { requireUser } from '@/features/auth/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.profile');
  return { title: t('title') };
}

export default async function ProfileSettingsPage() {
  const user = await requireUser();
  const t = await getTranslations('settings.profile');
  return (
    <>
      <SettingsSection title={t('avatar.title')} description={t('avatar.description')}>
        <AvatarForm name={user.name || user.email} image={user.image} />
      </SettingsSection>
      <SettingsSection title={t('name.title')} description={t('name.description')}>
        <ProfileNameForm name={user.name} />
      </SettingsSection>
    </>
  );
}
