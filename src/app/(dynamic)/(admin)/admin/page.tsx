import { redirect } from 'next/navigation';
import { adminUsersPath } from '@/features/admin';
import { requireSuperAdmin } from '@/features/admin/server';

/** /admin: the users list for now (the overview comes with issue 19's later parts). */
export default async function AdminHomePage() {
  await requireSuperAdmin();
  redirect(adminUsersPath);
}
