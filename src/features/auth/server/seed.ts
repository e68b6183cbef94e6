import { hashPassword } from 'better-auth/crypto';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Seeder } from '@/platform/db/seed';
import { accounts, users } from './schema';

/** The demo sign-in, printed by `npm run db:seed` and in the README. Local data only. */
export const DEMO_USER = { email: 'demo@keel.dev', password: 'keel-demo-password', name: 'Demo User' } as const;

const DEMO_USER_ID = '00000000-0000-4000-8000-0000000a0001';

/** A verified, onboarded user with a password, so a fresh database can be signed in to at once. */
export const authSeeder: Seeder = {
  name: 'accounts',
  async run(db: NodePgDatabase) {
    const [created] = await db
      .insert(users)
      .values({
        id: DEMO_USER_ID,
        email: DEMO_USER.email,
        name: DEMO_USER.name,
        emailVerified: true,
        onboardedAt: new Date(),
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!created) return `${DEMO_USER.email} already present`;
    await db.insert(accounts).values({
      id: '00000000-0000-4000-8000-0000000a0002',
      userId: DEMO_USER_ID,
      providerId: 'credential',
      accountId: DEMO_USER_ID,
      password: await hashPassword(DEMO_USER.password),
    });
    return `sign in as ${DEMO_USER.email} / ${DEMO_USER.password}`;
  },
};
