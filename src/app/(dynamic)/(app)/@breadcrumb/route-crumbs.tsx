import { getTranslations } from 'next-intl/server';
import { PageCrumbs } from '../../../_shell/page-crumbs';

/**
 * The top bar's last crumb for pages below a sidebar entry, by route: one line
 * per page (`:organization` stands for the organization's slug). A page that
 * is a sidebar entry needs none: the shell names it. A crumb that needs data
 * (a task's title) is a page of its own beside the catch-alls, as tasks/[task]/.
 *
 * The catch-alls that use it sit below `dashboard/[organization]/` and
 * `settings/`, never at the slot's root: a root `[...path]` would also match the
 * URLs of the other root layout and of (auth), and Next.js's strict route
 * matching then drops those pages ("do not match any complete route").
 */
const pageCrumbs: Record<string, string> = {
  '/dashboard/:organization/tasks/new': 'tasks.form.newTitle',
  '/dashboard/:organization/billing/plans': 'billing.pricing.title',
  '/settings/profile': 'settings.nav.profile',
  '/settings/account': 'settings.nav.account',
  '/settings/security': 'settings.nav.security',
  '/settings/preferences': 'settings.nav.preferences',
  '/settings/activity': 'audit.activity.navLabel',
};

export async function RouteCrumbs({ route }: { route: string }) {
  const t = await getTranslations();
  const key = pageCrumbs[route];
  return key ? <PageCrumbs items={[{ label: t(key as never) }]} /> : null;
}
