import { Pencil } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireOrganization } from '@/features/organizations/server';
import { taskPath, todayInUtc } from '@/features/tasks';
import { DeleteTaskDialog } from '@/features/tasks/components/delete-task-dialog';
import { TaskDetails } from '@/features/tasks/components/task-details';
import { requireTask } from '@/features/tasks/server';
import { Button } from '@/ui/button';
import { PageHeader } from '@/ui/page-header';

interface TaskPageProps {
  params: Promise<{ organization: string; task: string }>;
}

export async function generateMetadata({ params }: TaskPageProps): Promise<Metadata> {
  const [{ organization: slug, task: taskId }, t] = await Promise.all([params, getTranslations('tasks.detail')]);
  const { organization, user } = await requireOrganization(slug);
  const task = await requireTask({ userId: user.id, organizationId: organization.id }, taskId);
  return { title: t('metaTitle', { title: task.title, organization: organization.name }) };
}

/**
 * /dashboard/<slug>/tasks/<id>: one task. Any member edits it and changes its
 * status; Delete shows for roles with tasks.delete (the action checks again).
 * An id the organization does not have — another organization's, or not an
 * id at all — is the 404 page, as a missing one.
 */
export default async function TaskPage({ params }: TaskPageProps) {
  const { organization: slug, task: taskId } = await params;
  const { organization, user, permissions } = await requireOrganization(slug);
  const [t, task] = await Promise.all([
    getTranslations('tasks.detail'),
    requireTask({ userId: user.id, organizationId: organization.id }, taskId),
  ]);
  const now = new Date();

  return (
    <div className="grid w-full max-w-5xl grid-cols-1 gap-6">
      <PageHeader
        className="pb-0"
        title={task.title}
        actions={
          <>
            <Button asChild variant="outline">
              <Link href={taskPath(organization.slug, task.id, 'edit')}>
                <Pencil aria-hidden="true" />
                {t('edit')}
              </Link>
            </Button>
            {permissions.includes('tasks.delete') ? (
              <DeleteTaskDialog
                organizationId={organization.id}
                slug={organization.slug}
                taskId={task.id}
                title={task.title}
              />
            ) : null}
          </>
        }
      />
      <TaskDetails
        task={task}
        organizationId={organization.id}
        slug={organization.slug}
        today={todayInUtc(now)}
        now={now}
      />
    </div>
  );
}
