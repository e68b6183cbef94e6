import { getTranslations } from 'next-intl/server';
import { PageCrumbs } from '../../../../_shell/page-crumbs';

/**
 * The top bar's last crumb for pages below a sidebar entry, by route: one line
 * per page (`:organization` stands for the organization's slug). A page that
 * is a sidebar entry needs none: the shell names it. A crumb that needs data
 * (a task's title) is a page of its own beside this one, as tasks/[task]/.
 */
const pageCrumbs: Record<string, string> = {
  '/dashboard/:organization/tasks/new': 'tasks.form.newTitle',
  '/dashboard/:organization/billing/plans': 'billing.pricing.title',
  '/settings/profile': 'settings.nav.profile',
  '/settings/account': 'settings.nav.account',
  '/settings/security': 'settings.nav.security',
  '/settings/preferences': 'settings.nav.preferences',
};

export default async function RouteCrumbs({ params }: { params: Promise<{ path: string[] }> }) {
  const [{ path }, t] = await Promise.all([params, getTranslations()]);
  const route = `/${path.map((segment, index) => (index === 1 && path[0] === 'dashboard' ? ':organization' : segment)).join('/')}`;
  const key = pageCrumbs[route];
  return key ? <PageCrumbs items={[{ label: t(key as never) }]} /> : null;
}
