'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { ClientUser } from '../client-user';

const UserContext = createContext<ClientUser | null | undefined>(undefined);

/**
 * Makes the signed-in user available to client components below it. The app
 * layout renders it with the user it loaded on the server:
 *
 *   const user = await requireUser();
 *   <UserProvider user={toClientUser(user)}>{children}</UserProvider>
 *
 * After a change (name, avatar), `router.refresh()` renders the layout again
 * and the provider passes on the new values.
 */
export function UserProvider({ user, children }: { user: ClientUser | null; children: ReactNode }) {
  return <UserContext.Provider value={user}>{children}</UserContext.Provider>;
}

/** The signed-in user in a client component, or null when signed out. */
export function useUser(): ClientUser | null {
  const user = useContext(UserContext);
  if (user === undefined) throw new Error('useUser() needs <UserProvider> above it (the app layout renders it).');
  return user;
}
