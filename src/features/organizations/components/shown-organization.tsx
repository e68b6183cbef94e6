'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import { useCurrentOrganizationSlug } from './current-organization';

const LastOrganizationContext = createContext<string | null>(null);

/**
 * Remembers, for the pages outside any organization (/settings/…), which
 * organization the user was working in: the last one they viewed in this tab,
 * else the one the server remembered (`rememberedSlug`, the one /dashboard
 * opens). `slugs` are the user's organizations: a URL naming any other
 * organization (a 404) is not remembered.
 */
export function LastOrganizationProvider({
  rememberedSlug,
  slugs,
  children,
}: {
  rememberedSlug: string | null;
  slugs: string[];
  children: ReactNode;
}) {
  const inUrl = useCurrentOrganizationSlug();
  const [last, setLast] = useState(rememberedSlug?.toLowerCase() ?? null);
  if (inUrl && inUrl !== last && slugs.some((slug) => slug.toLowerCase() === inUrl)) setLast(inUrl);
  return <LastOrganizationContext.Provider value={last}>{children}</LastOrganizationContext.Provider>;
}

/**
 * The organization the app's shell shows (sidebar entries, switcher): the one
 * in the URL, or on account pages the one the user came from (see
 * LastOrganizationProvider). Lower-case slug, or null.
 */
export function useShownOrganizationSlug(): string | null {
  const inUrl = useCurrentOrganizationSlug();
  const last = useContext(LastOrganizationContext);
  return inUrl ?? last;
}
