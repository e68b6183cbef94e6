/** URLs of an organization's pages. The organization is always in the URL: /dashboard/<slug>/… */
export function dashboardPath(slug: string, page = ''): string {
  const rest = page.replace(/^\/+/, '');
  return `/dashboard/${encodeURIComponent(slug)}${rest ? `/${rest}` : ''}`;
}

export const ORGANIZATION_PAGES = {
  home: '',
  members: 'members',
  settings: 'settings',
} as const;
