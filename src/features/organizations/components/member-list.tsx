import 'server-only';
import { ChevronLeft, ChevronRight, Search, UserRoundSearch } from 'lucide-react';
import Form from 'next/form';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Avatar } from '@/ui/avatar';
import { Badge } from '@/ui/badge';
import { Button } from '@/ui/button';
import { EmptyState } from '@/ui/empty-state';
import { Input } from '@/ui/input';
import { Label } from '@/ui/label';
import { memberControls } from '../member-controls';
import { MEMBER_SEARCH_MAX_LENGTH, membersPageHref } from '../members-query';
import { dashboardPath } from '../paths';
import type { MemberPage } from '../server/members';
import { RemoveMemberDialog } from './member-actions';
import { MemberRoleForm } from './member-role-form';
import { RoleBadge } from './role-badge';

interface MemberListProps {
  organization: { id: string; name: string; slug: string };
  viewer: { userId: string; role: string };
  page: MemberPage;
  search: string;
  roleLabels: Record<string, string>;
}

/**
 * The organization's members, one page at a time, rendered on the server.
 * Search and page live in the URL, so both work before JavaScript loads.
 * Each row offers only the controls the viewer's role allows on that member.
 */
export async function MemberList({ organization, viewer, page, search, roleLabels }: MemberListProps) {
  const [t, format] = await Promise.all([getTranslations('organizations.members.list'), getFormatter()]);
  const permalink = membersPageHref(organization.slug, { search, page: page.page });
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.members.length - 1;

  return (
    <div className="grid gap-4">
      <Form
        action={dashboardPath(organization.slug, 'members')}
        role="search"
        aria-label={t('searchLabel')}
        className="flex gap-2"
      >
        <Label htmlFor="member-search" className="sr-only">
          {t('searchLabel')}
        </Label>
        <div className="relative min-w-0 flex-1">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            key={search}
            id="member-search"
            type="search"
            name="q"
            defaultValue={search}
            maxLength={MEMBER_SEARCH_MAX_LENGTH}
            placeholder={t('searchPlaceholder')}
            autoComplete="off"
            className="pl-9"
          />
        </div>
        <Button type="submit" variant="secondary">
          {t('search')}
        </Button>
      </Form>

      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
        {/* Announced after a search; without results the empty state below says it, so it is only heard. */}
        <p aria-live="polite" className={page.total === 0 ? 'sr-only' : undefined}>
          {search ? t('resultCount', { count: page.total, search }) : t('count', { count: page.total })}
        </p>
        {search ? (
          <Link
            href={membersPageHref(organization.slug)}
            className="font-medium text-link underline-offset-4 hover:underline"
          >
            {t('clearSearch')}
          </Link>
        ) : null}
      </div>

      {page.members.length === 0 ? (
        <div className="rounded-md border">
          <EmptyState
            icon={<UserRoundSearch />}
            headingLevel="h3"
            title={t('noResults', { search })}
            description={t('noResultsHint')}
          />
        </div>
      ) : (
        <ul className="divide-y rounded-md border" aria-label={t('label')} data-testid="members">
          {page.members.map((member) => {
            const controls = memberControls(viewer, member);
            const displayName = member.name || member.email;
            const isViewer = member.userId === viewer.userId;
            return (
              <li
                key={member.id}
                className="flex flex-col gap-3 p-3 sm:flex-row sm:items-center sm:justify-between sm:p-4"
                data-member={member.email}
              >
                <div className="flex min-w-0 items-start gap-3">
                  <Avatar name={displayName} src={member.image} decorative />
                  <div className="grid min-w-0 gap-0.5">
                    <p className="flex flex-wrap items-center gap-2 font-medium [overflow-wrap:anywhere]">
                      {displayName}
                      {isViewer ? <Badge variant="outline">{t('you')}</Badge> : null}
                      {controls.roles ? null : (
                        <RoleBadge role={member.role} label={roleLabels[member.role] ?? member.role} />
                      )}
                    </p>
                    {member.name ? (
                      <p className="text-sm [overflow-wrap:anywhere] text-muted-foreground">{member.email}</p>
                    ) : null}
                    <p className="text-xs text-muted-foreground">
                      {t('joined', { date: format.dateTime(member.joinedAt, { dateStyle: 'medium' }) })}
                    </p>
                  </div>
                </div>
                {controls.roles || controls.remove ? (
                  <div className="flex flex-wrap items-start gap-2 sm:shrink-0 sm:justify-end">
                    {controls.roles ? (
                      <MemberRoleForm
                        key={member.role}
                        organizationId={organization.id}
                        memberId={member.id}
                        memberName={displayName}
                        role={member.role}
                        roles={controls.roles}
                        roleLabels={roleLabels}
                        permalink={permalink}
                      />
                    ) : null}
                    {controls.remove ? (
                      <RemoveMemberDialog
                        organizationId={organization.id}
                        organizationName={organization.name}
                        memberId={member.id}
                        memberName={displayName}
                      />
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}

      {page.pageCount > 1 ? (
        <nav aria-label={t('pagination')} className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-muted-foreground">{t('range', { first, last, total: page.total })}</p>
          <div className="flex items-center gap-2">
            <PageLink
              href={page.page > 1 ? membersPageHref(organization.slug, { search, page: page.page - 1 }) : null}
              rel="prev"
            >
              <ChevronLeft aria-hidden="true" className="rtl:rotate-180" />
              {t('previous')}
            </PageLink>
            <p className="text-sm whitespace-nowrap text-muted-foreground">
              {t('pageOf', { page: page.page, count: page.pageCount })}
            </p>
            <PageLink
              href={
                page.page < page.pageCount ? membersPageHref(organization.slug, { search, page: page.page + 1 }) : null
              }
              rel="next"
            >
              {t('next')}
              <ChevronRight aria-hidden="true" className="rtl:rotate-180" />
            </PageLink>
          </div>
        </nav>
      ) : null}
    </div>
  );
}

/** A page link; on the first or last page, a disabled button in its place. */
function PageLink({ href, rel, children }: { href: string | null; rel: 'prev' | 'next'; children: React.ReactNode }) {
  if (!href) {
    return (
      <Button variant="outline" size="sm" disabled>
        {children}
      </Button>
    );
  }
  return (
    <Button asChild variant="outline" size="sm">
      <Link href={href} rel={rel}>
        {children}
      </Link>
    </Button>
  );
}
