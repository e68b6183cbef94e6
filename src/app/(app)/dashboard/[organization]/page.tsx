import { Settings, Users } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { firstValue } from '@/features/auth/paths';
import { organizationNotice, OrganizationLogo } from '@/features/organizations';
import { OrganizationNoticeAlert } from '@/features/organizations/components/notice-alert';
import { dashboardPath, requireOrganization } from '@/features/organizations/server';
import { Badge } from '@/ui/badge';
import { Button } from '@/ui/button';
import { EmptyState } from '@/ui/empty-state';
import { PageHeader } from '@/ui/page-header';

type Params = Promise<{ organization: string }>;
type SearchParams = Promise<Record<'notice', string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { organization } = await requireOrganization((await params).organization);
  return { title: organization.name };
}

/**
 * An organization's home: its name, the viewer's role, and — until there is
 * work to show (tasks come with their capability) — a calm pointer to
 * members and settings.
 */
export default async function OrganizationHomePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  // Every page checks for itself: the layout does not run again on client-side navigation.
  const { organization, membership, permissions } = await requireOrganization((await params).organization);
  const [t, roles, query] = await Promise.all([getTranslations('organizations.home'), getTranslations('organizations.roles'), searchParams]);
  const notice = organizationNotice(firstValue(query.notice));
  const roleLabel = roles.has(membership.role as never) ? roles(membership.role as never) : membership.role;
  const canInvite = permissions.includes('members.invite');

  return (
    <div className="grid gap-6">
      <OrganizationNoticeAlert notice={notice} />
      <div className="flex items-start gap-4">
        <OrganizationLogo name={organization.name} logoUrl={organization.logoUrl} size="lg" className="mt-0.5 max-sm:hidden" />
        <PageHeader
          className="min-w-0 flex-1 pb-0"
          title={organization.name}
          description={t('description')}
          actions={
            <Badge variant="secondary" data-testid="role-badge">
              <span className="sr-only">{t('yourRole')} </span>
              {roleLabel}
            </Badge>
          }
        />
      </div>
      <div className="rounded-lg border border-dashed">
        <EmptyState
          title={t('emptyTitle')}
          description={canInvite ? t('emptyDescriptionInvite') : t('emptyDescription')}
          action={
            <>
              <Button asChild variant={canInvite ? 'default' : 'outline'}>
                <Link href={dashboardPath(organization.slug, 'members')}>
                  <Users aria-hidden />
                  {canInvite ? t('inviteMembers') : t('seeMembers')}
                </Link>
              </Button>
              <Button asChild variant="outline">
                <Link href={dashboardPath(organization.slug, 'settings')}>
                  <Settings aria-hidden />
                  {t('settings')}
                </Link>
              </Button>
            </>
          }
        />
      </div>
    </div>
  );
}
