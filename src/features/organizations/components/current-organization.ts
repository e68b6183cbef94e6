'use client';

import { useParams } from 'next/navigation';

/**
 * The slug of the organization in the URL (/dashboard/<slug>/…), or null on
 * other pages. Read from the router, not from the server: the app layout,
 * which holds the sidebar, is not rendered again when the user moves between
 * organizations, but this hook follows every navigation.
 */
export function useCurrentOrganizationSlug(): string | null {
  const params = useParams<{ organization?: string | string[] }>();
  const value = params?.organization;
  const slug = Array.isArray(value) ? value[0] : value;
  if (!slug) return null;
  try {
    return decodeURIComponent(slug).toLowerCase();
  } catch {
    // A malformed escape: no organization has such a slug (the page answers 404).
    return slug.toLowerCase();
  }
}
