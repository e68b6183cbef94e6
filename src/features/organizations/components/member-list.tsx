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
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/ui/table';
import { memberControls } from '../member-controls';
import { MEMBER_SEARCH_MAX_LENGTH, membersPageHref } from '../members-query';
import { dashboardPath } from '../paths';
import type { MemberPage } from '../server/members';
import { RoleBadge } from './role-badge';
import { MemberRowActions, type MemberRowActionsProps } from './row-actions';

interface MemberListProps {
  organization: { id: string; name: string; slug: string };
  viewer: { userId: string; role: string };
  page: MemberPage;
  search: string;
  roleLabels: Record<string, string>;
  /** When the viewer may hand ownership over: how the dialog asks them to prove it is them. */
  transfer: MemberRowActionsProps['transfer'];
}

/**
 * The organization's members as a table, one page at a time, rendered on the
 * server. Search and page live in the URL, so both work before JavaScript
 * loads. Each row's menu offers only what the viewer's role allows on that
 * member (change the role, hand over ownership, remove).
 */
export async function MemberList({ organization, viewer, page, search, roleLabels, transfer }: MemberListProps) {
  const [t, format] = await Promise.all([getTranslations('organizations.members.list'), getFormatter()]);
  const permalink = membersPageHref(organization.slug, { search, page: page.page });
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.members.length - 1;
  const rows = page.members.map((member) => ({
    member,
    controls: memberControls(viewer, member),
    displayName: member.name || member.email,
    // Ownership goes to anyone else (transferOwnership's rule); owners get the choice in the row.
    transferable: transfer !== null && member.userId !== viewer.userId,
  }));
  const withActions = rows.some((row) => row.controls.roles || row.controls.remove || row.transferable);

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
        <div className="rounded-lg border">
          <EmptyState
            icon={<UserRoundSearch />}
            headingLevel="h3"
            title={t('noResults', { search })}
            description={t('noResultsHint')}
          />
        </div>
      ) : (
        // Columns give way by the table's own width (a container query), not the window's: email, then the date.
        <div className="@container min-w-0 rounded-lg border">
          <Table data-testid="members">
            <TableCaption className="sr-only">{t('label')}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t('columns.member')}</TableHead>
                <TableHead className="hidden @2xl:table-cell">{t('columns.email')}</TableHead>
                <TableHead className="hidden @sm:table-cell">{t('columns.role')}</TableHead>
                <TableHead className="hidden @xl:table-cell">{t('columns.joined')}</TableHead>
                {withActions ? (
                  <TableHead className="w-12">
                    <span className="sr-only">{t('columns.actions')}</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map(({ member, controls, displayName, transferable }) => {
                const joined = format.dateTime(member.joinedAt, { dateStyle: 'medium' });
                const role = <RoleBadge role={member.role} label={roleLabels[member.role] ?? member.role} />;
                return (
                  <TableRow key={member.id} data-member={member.email}>
                    <TableHead scope="row" className="h-auto py-2.5 font-normal whitespace-normal text-foreground">
                      <div className="flex min-w-0 items-start gap-3 @xl:items-center">
                        <Avatar name={displayName} src={member.image} size="sm" decorative />
                        <div className="grid min-w-0 gap-0.5">
                          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 font-medium [overflow-wrap:anywhere]">
                            {displayName}
                            {member.userId === viewer.userId ? <Badge variant="outline">{t('you')}</Badge> : null}
                          </p>
                          {member.name ? (
                            <p className="[overflow-wrap:anywhere] text-muted-foreground @2xl:hidden">{member.email}</p>
                          ) : null}
                          {/* On a phone the role joins the date, as in the invitations table: no squeezed name. */}
                          <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground @xl:hidden">
                            <span className="@sm:hidden">{role}</span>
                            {t('joined', { date: joined })}
                          </p>
                        </div>
                      </div>
                    </TableHead>
                    <TableCell className="hidden [overflow-wrap:anywhere] text-muted-foreground @2xl:table-cell">
                      {member.email}
                    </TableCell>
                    <TableCell className="hidden @sm:table-cell">{role}</TableCell>
                    <TableCell className="hidden whitespace-nowrap text-muted-foreground @xl:table-cell">
                      {joined}
                    </TableCell>
                    {withActions ? (
                      <TableCell className="py-1 text-end">
                        {controls.roles || controls.remove || transferable ? (
                          <MemberRowActions
                            organization={{ id: organization.id, name: organization.name }}
                            member={{ id: member.id, name: displayName, email: member.email, role: member.role }}
                            roles={controls.roles}
                            remove={controls.remove}
                            transfer={transferable ? transfer : null}
                            roleLabels={roleLabels}
                            permalink={permalink}
                          />
                        ) : null}
                      </TableCell>
                    ) : null}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
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
