import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireOrganization } from '@/features/organizations/server';
import { TaskForm } from '@/features/tasks/components/task-form';
import { listAssignees, requireTask } from '@/features/tasks/server';
import { Card, CardContent } from '@/ui/card';
import { PageHeader } from '@/ui/page-header';

interface EditTaskPageProps {
  params: Promise<{ organization: string; task: string }>;
}

export async function generateMetadata({ params }: EditTaskPageProps): Promise<Metadata> {
  const [{ organization: slug, task: taskId }, t] = await Promise.all([params, getTranslations('tasks.form')]);
  const { organization, user } = await requireOrganization(slug);
  const task = await requireTask({ userId: user.id, organizationId: organization.id }, taskId);
  return { title: t('editMetaTitle', { title: task.title, organization: organization.name }) };
}

/** /dashboard/<slug>/tasks/<id>/edit: any member edits a task; the action redirects back to it. */
export default async function EditTaskPage({ params }: EditTaskPageProps) {
  const { organization: slug, task: taskId } = await params;
  const { organization, user } = await requireOrganization(slug);
  const scope = { userId: user.id, organizationId: organization.id };
  const [t, task, assignees] = await Promise.all([
    getTranslations('tasks.form'),
    requireTask(scope, taskId),
    listAssignees(scope),
  ]);

  return (
    <div className="grid w-full max-w-3xl grid-cols-1 gap-6">
      <PageHeader className="pb-0" title={t('editTitle')} />
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          <TaskForm
            organizationId={organization.id}
            slug={organization.slug}
            assignees={assignees}
            task={{
              id: task.id,
              assigneeName: task.assigneeName,
              values: {
                title: task.title,
                description: task.description,
                status: task.status,
                priority: task.priority,
                dueDate: task.dueDate ?? '',
                assigneeId: task.assigneeId ?? '',
              },
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
