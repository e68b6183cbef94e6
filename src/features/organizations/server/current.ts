import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getUser } from '@/features/auth/server';
import { PATH_HEADER } from '@/platform/http/request-context';
import { findAccess, rememberedOrganization, type OrganizationAccess } from './access';

/** The organization slug of a path under /dashboard/<slug>/…, or null. */
export function slugOfPath(path: string | null | undefined): string | null {
  const match = /^\/dashboard\/([^/?#]+)/.exec(path ?? '');
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/**
 * The organization the signed-in user is working in: the one in the URL
 * (/dashboard/<slug>/…) when they belong to it, else the one they used last.
 * Null when signed out or without organizations. For server code that is not
 * a page under /dashboard/[organization] (those use requireOrganization, which
 * also answers 404 to non-members). Read once per request.
 */
export const getCurrentOrganization = cache(async (): Promise<OrganizationAccess | null> => {
  const user = await getUser();
  if (!user) return null;
  const slug = slugOfPath((await headers()).get(PATH_HEADER));
  if (slug) {
    const access = await findAccess(user.id, { slug });
    if (access) return access;
  }
  const remembered = await rememberedOrganization(user.id);
  return remembered ? findAccess(user.id, { id: remembered.id }) : null;
});
