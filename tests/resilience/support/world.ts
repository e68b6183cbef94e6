import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { startApp, type AppProcess } from './app-process';
import { startTestDatabase, type TestDatabase } from './database';
import { HttpVisitor } from './http-visitor';
import type { SignedInMember } from './traffic';

export const RESILIENCE_PASSWORD = 'correct horse battery staple';

export interface Member {
  email: string;
  userId: string;
  organizationId: string;
  slug: string;
}

/**
 * Confirmed, onboarded accounts, each owning an organization, written straight
 * into the database: these tests are about the servers, not about signing up,
 * which the integration and end-to-end suites cover.
 */
export async function createMembers(database: TestDatabase, count: number): Promise<Member[]> {
  const hash = await hashPassword(RESILIENCE_PASSWORD);
  const created: Member[] = [];
  for (let index = 0; index < count; index += 1) {
    const tag = randomUUID().slice(0, 8);
    const member = {
      email: `member-${tag}@example.com`,
      userId: randomUUID(),
      organizationId: randomUUID(),
      slug: `team-${tag}`,
    };
    await database.query(
      `insert into users (id, email, name, email_verified, onboarded_at) values ($1, $2, $3, true, now())`,
      [member.userId, member.email, `Member ${tag}`],
    );
    await database.query(
      `insert into accounts (id, user_id, provider_id, account_id, password) values ($1, $2, 'credential', $2, $3)`,
      [randomUUID(), member.userId, hash],
    );
    await database.query(`insert into organizations (id, name, slug) values ($1, $2, $3)`, [
      member.organizationId,
      `Team ${tag}`,
      member.slug,
    ]);
    await database.query(`insert into members (organization_id, user_id, role) values ($1, $2, 'owner')`, [
      member.organizationId,
      member.userId,
    ]);
    created.push(member);
  }
  return created;
}

/** Signs `member` in through the sign-in action on `baseUrl`; the visitor then holds the session cookie. */
export async function signIn(visitor: HttpVisitor, member: Member, baseUrl?: string) {
  const outcome = await visitor.action(
    '/auth/sign-in',
    'src/features/auth/server/sign-in-actions.ts',
    'signIn',
    { email: member.email, password: RESILIENCE_PASSWORD },
    { baseUrl },
  );
  if (!outcome.redirect) throw new Error(`sign-in of ${member.email} failed: ${JSON.stringify(outcome)}`);
  return outcome;
}

/**
 * A database of its own, one app process of the production build on it, and
 * `size` members signed in through it, each holding their session.
 */
export async function startSignedInTeam(
  size: number,
): Promise<{ database: TestDatabase; app: AppProcess; members: SignedInMember[] }> {
  const database = await startTestDatabase();
  const app = await startApp({ databaseUrl: database.url });
  const members: SignedInMember[] = [];
  for (const member of await createMembers(database, size)) {
    const visitor = new HttpVisitor(app.url);
    await signIn(visitor, member);
    members.push({ ...member, visitor, tasks: [] });
  }
  return { database, app, members };
}
