import { ClipboardList, Plus, Settings, Users } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { firstValue } from '@/features/auth';
import { organizationNotice, OrganizationLogo } from '@/features/organizations';
import { OrganizationNoticeAlert } from '@/features/organizations/components/notice-alert';
import { dashboardPath, requireOrganization } from '@/features/organizations/server';
import { MY_OPEN_TASKS_MESSAGES, myOpenTasksLinks, newTaskPath, tasksPath, todayInUtc } from '@/features/tasks';
import { MyOpenTasks } from '@/features/tasks/components/my-open-tasks';
import { RecentTasks } from '@/features/tasks/components/recent-tasks';
import { TaskStatusCounts } from '@/features/tasks/components/task-status-counts';
import { taskOverview } from '@/features/tasks/server';
import { ClientMessages } from '@/platform/i18n/client-messages';
import { Button } from '@/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/ui/card';
import { EmptyState } from '@/ui/empty-state';
import { PageHeader } from '@/ui/page-header';

type Params = Promise<{ organization: string }>;
type SearchParams = Promise<Record<'notice', string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { organization } = await requireOrganization((await params).organization);
  return { title: organization.name };
}

/**
 * An organization's home: its name and a line of what is open and done (the
 * viewer's role is in the sidebar's switcher), the tasks per
 * status (links to the filtered list), the viewer's open tasks and the latest
 * changes — all from one taskOverview read — and a pointer to members and
 * settings. With no tasks yet, an invitation to create the first.
 */
export default async function OrganizationHomePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  // Every page checks for itself: the layout does not run again on client-side navigation.
  const { organization, permissions, user } = await requireOrganization((await params).organization);
  const [t, tTasks, query, overview] = await Promise.all([
    getTranslations('organizations.home'),
    getTranslations('tasks.home'),
    searchParams,
    taskOverview({ userId: user.id, organizationId: organization.id }),
  ]);
  const notice = organizationNotice(firstValue(query.notice));
  const canInvite = permissions.includes('members.invite');
  const hasTasks = Object.values(overview.counts).some((count) => count > 0);
  const now = new Date();
  const slug = organization.slug;

  return (
    <div className="grid gap-6">
      <OrganizationNoticeAlert notice={notice} organizationName={organization.name} />
      <div className="flex items-start gap-4">
        <OrganizationLogo
          name={organization.name}
          logoUrl={organization.logoUrl}
          size="lg"
          className="mt-0.5 max-sm:hidden"
        />
        <PageHeader
          className="min-w-0 flex-1 pb-0"
          title={organization.name}
          description={
            <span data-testid="organization-summary">
              {hasTasks
                ? t('summary', {
                    open: overview.counts.todo + overview.counts.in_progress,
                    inProgress: overview.counts.in_progress,
                    done: overview.counts.done,
                  })
                : t('summaryEmpty')}
            </span>
          }
          actions={
            <>
              {hasTasks ? (
                <Button asChild size="sm">
                  <Link href={newTaskPath(slug)}>
                    <Plus aria-hidden="true" />
                    {tTasks('newTask')}
                  </Link>
                </Button>
              ) : null}
            </>
          }
        />
      </div>

      {hasTasks ? (
        <>
          <section aria-labelledby="task-counts-title" className="grid gap-3">
            <div className="flex items-baseline justify-between gap-4">
              <h2 id="task-counts-title" className="text-lg font-semibold">
                {tTasks('countsTitle')}
              </h2>
              <Link
                href={tasksPath(slug)}
                className="rounded-sm text-sm font-medium text-link underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
              >
                {tTasks('allTasks')}
              </Link>
            </div>
            <TaskStatusCounts slug={slug} counts={overview.counts} />
          </section>
          <div className="grid items-start gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader className="pb-3 sm:pb-3">
                <CardTitle as="h2">{tTasks('myOpen.title')}</CardTitle>
              </CardHeader>
              <CardContent>
                <ClientMessages paths={MY_OPEN_TASKS_MESSAGES}>
                  <MyOpenTasks
                    slug={slug}
                    links={myOpenTasksLinks(slug, user.id)}
                    today={todayInUtc(now)}
                    initial={overview.myOpen}
                  />
                </ClientMessages>
              </CardContent>
            </Card>
            <Card>
              <CardHeader className="pb-3 sm:pb-3">
                <CardTitle as="h2">{tTasks('recent.title')}</CardTitle>
              </CardHeader>
              <CardContent>
                <RecentTasks slug={slug} tasks={overview.recent} now={now} />
              </CardContent>
            </Card>
          </div>
        </>
      ) : (
        <div className="rounded-lg border border-dashed">
          <EmptyState
            icon={<ClipboardList />}
            title={tTasks('emptyTitle')}
            description={tTasks('emptyDescription')}
            action={
              <Button asChild>
                <Link href={newTaskPath(slug)}>
                  <Plus aria-hidden="true" />
                  {tTasks('createTask')}
                </Link>
              </Button>
            }
          />
        </div>
      )}

      <section
        aria-labelledby="team-title"
        className="flex flex-col gap-3 rounded-lg border border-border px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
      >
        <div className="grid gap-0.5">
          <h2 id="team-title" className="text-sm font-semibold">
            {t('teamTitle')}
          </h2>
          <p className="text-sm text-muted-foreground">
            {canInvite ? t('teamDescriptionInvite') : t('teamDescription')}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild size="sm" variant="outline">
            <Link href={dashboardPath(slug, 'members')}>
              <Users aria-hidden />
              {canInvite ? t('inviteMembers') : t('seeMembers')}
            </Link>
          </Button>
          <Button asChild size="sm" variant="outline">
            <Link href={dashboardPath(slug, 'settings')}>
              <Settings aria-hidden />
              {t('settings')}
            </Link>
          </Button>
        </div>
      </section>
    </div>
  );
}
