import { Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireOrganization } from '@/features/organizations/server';
import { newTaskPath, taskQuery, todayInUtc } from '@/features/tasks';
import { FindTask } from '@/features/tasks/components/find-task';
import { InvalidTasksQuery } from '@/features/tasks/components/invalid-tasks-query';
import { TasksTable } from '@/features/tasks/components/tasks-table';
import { listTasksWithAssignees } from '@/features/tasks/server';
import type { Locale } from '@/platform/config/app-config';
import { validateInput } from '@/platform/http/validation';
import { Button } from '@/ui/button';
import { PageHeader } from '@/ui/page-header';

interface TasksPageProps {
  params: Promise<{ organization: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: TasksPageProps): Promise<Metadata> {
  const [{ organization }, t] = await Promise.all([params, getTranslations('tasks.list')]);
  const access = await requireOrganization(organization);
  return { title: t('metaTitle', { organization: access.organization.name }) };
}

/**
 * /dashboard/<slug>/tasks: the organization's tasks, one page at a time. The
 * URL holds the list's state (filters, search, sort, page — see
 * taskQuery); an address the query refuses gets a message naming each bad
 * parameter instead of an error page.
 */
export default async function TasksPage({ params, searchParams }: TasksPageProps) {
  const [{ organization: slug }, raw, locale, t] = await Promise.all([
    params,
    searchParams,
    getLocale(),
    getTranslations('tasks.list'),
  ]);
  const { organization, permissions, user } = await requireOrganization(slug);
  const scope = { userId: user.id, organizationId: organization.id };
  const validated = validateInput(taskQuery.schema, raw, locale as Locale);

  const header = (
    <PageHeader
      className="pb-0"
      title={t('title')}
      description={t('description', { organization: organization.name })}
      actions={
        <>
          <FindTask slug={organization.slug} />
          <Button asChild>
            <Link href={newTaskPath(organization.slug)}>
              <Plus aria-hidden="true" />
              {t('newTask')}
            </Link>
          </Button>
        </>
      }
    />
  );

  if (!validated.ok) {
    return (
      <div className="grid min-w-0 gap-6">
        {header}
        <InvalidTasksQuery slug={organization.slug} fieldErrors={validated.fieldErrors} />
      </div>
    );
  }

  // Numbered pages: this page never links to a cursor, so one in the address is left aside rather than half-followed.
  const query = { ...validated.data, cursor: null };
  const { page, assignees } = await listTasksWithAssignees(scope, query);
  return (
    <div className="grid min-w-0 gap-6">
      {header}
      <TasksTable
        organization={{ id: organization.id, name: organization.name, slug: organization.slug }}
        query={query}
        page={page}
        assignees={assignees}
        viewerId={user.id}
        canDelete={permissions.includes('tasks.delete')}
        today={todayInUtc()}
      />
    </div>
  );
}
