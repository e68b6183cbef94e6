import { redirect } from 'next/navigation';
import { requireUser } from '@/features/auth/server';

/** /settings opens the first section. */
export default async function SettingsPage() {
  await requireUser();
  redirect('/settings/profile');
}
