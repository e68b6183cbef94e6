import { getTranslations } from 'next-intl/server';
import { taskPath } from '@/features/tasks';
import { findTaskTitle } from '@/features/tasks/server';
import { PageCrumbs } from '../../../../../../../../_shell/page-crumbs';

/** Organization › Tasks › "the task's title" › Edit task. */
export default async function EditTaskCrumbs({ params }: { params: Promise<{ organization: string; task: string }> }) {
  const [{ organization, task }, t] = await Promise.all([params, getTranslations('tasks.form')]);
  const title = await findTaskTitle(organization, task);
  return title === null ? null : (
    <PageCrumbs items={[{ label: title, href: taskPath(organization, task) }, { label: t('editTitle') }]} />
  );
}
