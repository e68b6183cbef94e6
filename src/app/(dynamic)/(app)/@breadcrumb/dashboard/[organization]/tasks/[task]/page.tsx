import { findTaskTitle } from '@/features/tasks/server';
import { PageCrumbs } from '../../../../../../../_shell/page-crumbs';

/** Organization › Tasks › "the task's title". */
export default async function TaskCrumbs({ params }: { params: Promise<{ organization: string; task: string }> }) {
  const { organization, task } = await params;
  const title = await findTaskTitle(organization, task);
  return title === null ? null : <PageCrumbs items={[{ label: title }]} />;
}
