import { getTranslations } from 'next-intl/server';
import { BackToTasks } from '@/features/tasks/components/back-to-tasks';
import { InAppNotFound } from '../../../../../../_shell/in-app-not-found';

/** A task that does not exist, was deleted or belongs to another organization (requireTask). */
export default async function TaskNotFound() {
  const t = await getTranslations('tasks.notFound');
  return <InAppNotFound title={t('title')} description={t('description')} action={<BackToTasks />} />;
}
