import 'server-only';

/**
 * Users without a password confirm a deletion by having signed in recently:
 * someone who finds a session left open long ago cannot delete the account.
 */
export const RECENT_SIGN_IN_MINUTES = 10;

export function signedInRecently(sessionCreatedAt: Date, now = new Date()) {
  return now.getTime() - sessionCreatedAt.getTime() <= RECENT_SIGN_IN_MINUTES * 60 * 1000;
}

/**
 * Throws when deleting the account now would harm others. Today there is
 * nothing to check; the organizations issue completes it: a user who is the
 * sole owner of an organization that has other members must first transfer
 * ownership or delete the organization, e.g.
 *
 *   throw new AppError('CONFLICT', { messageKey: 'auth.soleOwner', values: { organizations: names.join(', ') } });
 *
 * The delete-account action calls it before anything is removed.
 */
export async function assertCanDeleteAccount(userId: string): Promise<void> {
  void userId; // Used once organizations exist.
}
