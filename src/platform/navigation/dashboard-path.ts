/**
 * URLs of an organization's pages. The organization is always in the URL: /dashboard/<slug>/…
 * Here rather than in the organizations feature so that other features' `paths.ts` (imported by client and
 * server code alike) do not pull the organizations face, and its components, into every module graph.
 */
export function dashboardPath(slug: string, page = ''): string {
  const rest = page.replace(/^\/+/, '');
  return `/dashboard/${encodeURIComponent(slug)}${rest ? `/${rest}` : ''}`;
}
