import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireOrganization } from '@/features/organizations/server';
import { TaskForm } from '@/features/tasks/components/task-form';
import { listAssignees } from '@/features/tasks/server';
import { Card, CardContent } from '@/ui/card';
import { PageHeader } from '@/ui/page-header';

interface NewTaskPageProps {
  params: Promise<{ organization: string }>;
}

export async function generateMetadata({ params }: NewTaskPageProps): Promise<Metadata> {
  const [{ organization }, t] = await Promise.all([params, getTranslations('tasks.form')]);
  const access = await requireOrganization(organization);
  return { title: t('newMetaTitle', { organization: access.organization.name }) };
}

/** /dashboard/<slug>/tasks/new: any member creates a task; the action redirects to it. */
export default async function NewTaskPage({ params }: NewTaskPageProps) {
  const { organization: slug } = await params;
  const { organization, user } = await requireOrganization(slug);
  const [t, assignees] = await Promise.all([
    getTranslations('tasks.form'),
    listAssignees({ userId: user.id, organizationId: organization.id }),
  ]);

  return (
    <div className="grid w-full max-w-3xl grid-cols-1 gap-6">
      <PageHeader
        className="pb-0"
        title={t('newTitle')}
        description={t('newDescription', { organization: organization.name })}
      />
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          <TaskForm organizationId={organization.id} slug={organization.slug} assignees={assignees} />
        </CardContent>
      </Card>
    </div>
  );
}
