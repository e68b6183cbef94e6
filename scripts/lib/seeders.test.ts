import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getAuth } from '../../src/features/auth/server/auth';
import { users } from '../../src/features/auth/server/schema';
import { DEMO_USER } from '../../src/features/auth/server/seed';
import { contactRequests } from '../../src/features/contact/server/schema';
import { listInvitations, listMembers, listOrganizationsOfUser } from '../../src/features/organizations/server';
import { db } from '../../src/platform/db/client';
import { runSeeders, type Seeder } from '../../src/platform/db/seed';
import { seeders } from './seeders';

describe('seeding', () => {
  it('is idempotent: running it twice leaves the same demo data', async () => {
    const first = await runSeeders(process.env.DATABASE_URL!, seeders);
    expect(first).toContain('contact: 2 new contact request(s), 0 already present');
    const second = await runSeeders(process.env.DATABASE_URL!, seeders);
    expect(second).toContain('contact: 0 new contact request(s), 2 already present');
    expect((await db.select({ n: count() }).from(contactRequests))[0]?.n).toBe(2);
  });

  it('creates a demo user who can sign in with the printed password', async () => {
    const summary = await runSeeders(process.env.DATABASE_URL!, seeders);
    expect(summary).toMatch(/accounts: (sign in as demo@keel\.dev|demo@keel\.dev already present)/);
    const { headers } = await getAuth().api.signInEmail({ body: { email: DEMO_USER.email, password: DEMO_USER.password }, returnHeaders: true });
    expect(headers.get('set-cookie')).toContain('keel.session_token=');
    const [demo] = await db.select().from(users).where(eq(users.email, DEMO_USER.email));
    expect(demo).toMatchObject({ emailVerified: true, name: DEMO_USER.name });
    expect(demo?.onboardedAt).toBeInstanceOf(Date);
  });

  it('gives the demo user an organization with a member in every role and an open invitation, and one they belong to', async () => {
    await runSeeders(process.env.DATABASE_URL!, seeders);
    const [demo] = await db.select().from(users).where(eq(users.email, DEMO_USER.email));
    const theirs = await listOrganizationsOfUser(demo!.id);
    expect(theirs.map((organization) => [organization.slug, organization.role])).toEqual([
      ['acme', 'owner'],
      ['globex', 'member'],
    ]);
    const acme = theirs[0]!.id;
    const roles = (await listMembers({ userId: demo!.id, organizationId: acme })).members.map((member) => member.role);
    expect(roles).toEqual(['owner', 'admin', 'member']);
    expect((await listInvitations({ userId: demo!.id, organizationId: acme })).map((invitation) => invitation.state)).toEqual(['pending']);
  });

  it('writes nothing when one seeder fails', async () => {
    const before = (await db.select({ n: count() }).from(contactRequests))[0]?.n;
    const failing: Seeder = {
      name: 'broken',
      run: async () => {
        throw new Error('seed data is inconsistent');
      },
    };
    const writer: Seeder = {
      name: 'writer',
      run: async (tx) => {
        await tx.insert(contactRequests).values({ name: 'Half', email: 'half@example.com', message: 'written before the failure', locale: 'en' });
        return 'one row';
      },
    };
    await expect(runSeeders(process.env.DATABASE_URL!, [writer, failing])).rejects.toThrow('seed data is inconsistent');
    expect((await db.select({ n: count() }).from(contactRequests))[0]?.n).toBe(before);
  });
});
