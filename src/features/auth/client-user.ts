/**
 * The signed-in user as client components see it (useUser): what the
 * interface shows, nothing more.
 */
export interface ClientUser {
  id: string;
  name: string;
  email: string;
  image: string | null;
  twoFactorEnabled: boolean;
  locale: string | null;
}

/** Picks the client-safe fields of a signed-in user (server side, before passing it to UserProvider). */
export function toClientUser(user: ClientUser): ClientUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    image: user.image,
    twoFactorEnabled: user.twoFactorEnabled,
    locale: user.locale,
  };
}
