import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  banUserAction,
  grantSuperAdmin,
  isSuperAdmin,
  listUsers,
  revokeSuperAdmin,
  signOutUserEverywhereAction,
  unbanUserAction,
} from '@/features/admin/server';
import { adminUserQuery } from '@/features/admin';
import type { AuditAction } from '@/features/audit';
import { auditEvents } from '@/features/audit/server/schema';
import { getSessionFromHeaders, signIn } from '@/features/auth/server';
import { sessions, users } from '@/features/auth/server/schema';
import { getServerConfig } from '@/platform/config/server-config';
import { db } from '@/platform/db/client';
import { createPasswordUser, createVerifiedUser, signInAs } from '../../support/users';
import { makeAdmin } from '../../support/admin';
import { Visitor } from '../../support/visitor';

async function auditRows(action: AuditAction, targetId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)));
}

async function sessionCount(userId: string) {
  return (await db.select().from(sessions).where(eq(sessions.userId, userId))).length;
}

describe('granting super admin from the server', () => {
  afterEach(() => {
    getServerConfig().superAdminEmails.length = 0;
  });

  it('grants and revokes by address, each change audited with the command line as actor', async () => {
    const user = await createPasswordUser();
    const account = { id: user.id, email: user.email, emailVerified: true };
    expect(await isSuperAdmin(account)).toBe(false);

    expect(await grantSuperAdmin(user.email.toUpperCase())).toBe('granted');
    expect(await isSuperAdmin(account)).toBe(true);
    expect(await grantSuperAdmin(user.email)).toBe('already');
    expect(await auditRows('admin.granted', user.id)).toEqual([
      expect.objectContaining({ actorUserId: null, targetType: 'user', details: { via: 'cli' } }),
    ]);

    expect(await revokeSuperAdmin(user.email)).toBe('revoked');
    expect(await isSuperAdmin(account)).toBe(false);
    expect(await revokeSuperAdmin(user.email)).toBe('absent');
    expect(await auditRows('admin.revoked', user.id)).toHaveLength(1);
    expect(await grantSuperAdmin('nobody-here@example.com')).toBe('no-such-user');
  });

  it('grants through SUPER_ADMIN_EMAILS only to an account that confirmed the address', async () => {
    const user = await createPasswordUser();
    getServerConfig().superAdminEmails.push(user.email);
    expect(await isSuperAdmin({ id: user.id, email: user.email, emailVerified: true })).toBe(true);
    expect(await isSuperAdmin({ id: user.id, email: user.email, emailVerified: false })).toBe(false);
  });
});

describe('the gate of admin actions', () => {
  it('answers 404 to a signed-in user who is not a super admin, and 401 signed out, changing nothing', async () => {
    const victim = await createVerifiedUser();
    const stranger = await createVerifiedUser();
    for (const [action, input] of [
      [banUserAction, { userId: victim.id, reason: 'Spam' }],
      [unbanUserAction, { userId: victim.id }],
      [signOutUserEverywhereAction, { userId: victim.id }],
    ] as const) {
      expect(await stranger.visitor.run(action, input)).toMatchObject({ ok: false, error: { status: 404 } });
      expect(await new Visitor().run(action, input)).toMatchObject({ ok: false, error: { status: 401 } });
    }
    expect(await getSessionFromHeaders(victim.visitor.headers())).not.toBeNull();
  });

  it('refuses a super admin without two-factor authentication', async () => {
    const admin = await createVerifiedUser();
    await grantSuperAdmin(admin.email);
    const victim = await createVerifiedUser();
    expect(await admin.visitor.run(signOutUserEverywhereAction, { userId: victim.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('two-factor') },
    });
    expect(await getSessionFromHeaders(victim.visitor.headers())).not.toBeNull();
  });

  it('asks for a sign-in within the last 30 minutes before a destructive action, not before unbanning', async () => {
    const admin = await makeAdmin();
    const victim = await createVerifiedUser();
    const adminSession = (await getSessionFromHeaders(admin.visitor.headers()))!.session.id;
    await db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 31 * 60 * 1000) })
      .where(eq(sessions.id, adminSession));

    expect(await admin.visitor.run(banUserAction, { userId: victim.id, reason: 'Spam' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('sign in again') },
    });
    expect(await getSessionFromHeaders(victim.visitor.headers())).not.toBeNull();
    await db.update(users).set({ bannedAt: new Date() }).where(eq(users.id, victim.id));
    expect(await admin.visitor.run(unbanUserAction, { userId: victim.id })).toMatchObject({ ok: true });
  });
});

describe('banning a user', () => {
  it('signs every session out, refuses sign-in with a clear message, and unbanning lets them back', async () => {
    const admin = await makeAdmin();
    const victim = await createVerifiedUser({ locale: 'es' });
    const phone = await signInAs(victim);

    expect(await admin.visitor.run(banUserAction, { userId: victim.id, reason: 'Card testing', until: '' })).toEqual({
      ok: true,
      data: { userId: victim.id, sessions: 2 },
    });
    expect(await sessionCount(victim.id)).toBe(0);
    expect(await getSessionFromHeaders(phone.headers())).toBeNull();

    const english = await new Visitor().run(signIn, { email: victim.email, password: victim.password });
    expect(english).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'This account has been suspended. If you think this is a mistake, contact support.',
      },
    });
    const spanish = await new Visitor({ locale: 'es' }).run(signIn, { email: victim.email, password: victim.password });
    expect(spanish).toMatchObject({ ok: false, error: { message: expect.stringContaining('suspendida') } });
    expect(await sessionCount(victim.id)).toBe(0);

    expect(await auditRows('admin.userBanned', victim.id)).toEqual([
      expect.objectContaining({
        actorUserId: admin.id,
        details: { reason: 'Card testing', until: null, sessions: 2 },
      }),
    ]);

    expect(await admin.visitor.run(unbanUserAction, { userId: victim.id })).toMatchObject({ ok: true });
    expect(await auditRows('admin.userUnbanned', victim.id)).toHaveLength(1);
    await signInAs(victim);
  });

  it('does not honour a session left over from a ban set by hand, and a ban ends after its last day', async () => {
    const victim = await createVerifiedUser();
    await db.update(users).set({ bannedAt: new Date() }).where(eq(users.id, victim.id));
    expect(await getSessionFromHeaders(victim.visitor.headers())).toBeNull();
    await db
      .update(users)
      .set({ banExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(users.id, victim.id));
    expect(await getSessionFromHeaders(victim.visitor.headers())).not.toBeNull();
  });

  it('refuses banning oneself, another super admin, or until a day in the past', async () => {
    const admin = await makeAdmin();
    const other = await createVerifiedUser();
    await grantSuperAdmin(other.email);
    expect(await admin.visitor.run(banUserAction, { userId: admin.id, reason: 'Oops' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await admin.visitor.run(banUserAction, { userId: other.id, reason: 'Rival' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const victim = await createVerifiedUser();
    expect(
      await admin.visitor.run(banUserAction, { userId: victim.id, reason: 'Spam', until: '2020-01-01' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { until: ['Choose today or a later day.'] } },
    });
    expect(await getSessionFromHeaders(victim.visitor.headers())).not.toBeNull();
  });

  it('signs a user out everywhere, audited', async () => {
    const admin = await makeAdmin();
    const victim = await createVerifiedUser();
    expect(await admin.visitor.run(signOutUserEverywhereAction, { userId: victim.id })).toEqual({
      ok: true,
      data: { userId: victim.id, sessions: 1 },
    });
    expect(await getSessionFromHeaders(victim.visitor.headers())).toBeNull();
    expect(await auditRows('admin.userSignedOutEverywhere', victim.id)).toEqual([
      expect.objectContaining({ actorUserId: admin.id, details: { sessions: 1 } }),
    ]);
  });
});

describe('the users list', () => {
  it('searches by email or name and filters banned users', async () => {
    const marker = `zq${Date.now().toString(36)}`;
    const kept = await createPasswordUser({ name: `Kept ${marker}` });
    const banned = await createPasswordUser({ email: `${marker}-banned@example.com` });
    await db.update(users).set({ bannedAt: new Date() }).where(eq(users.id, banned.id));

    const all = await listUsers({ ...adminUserQuery.defaults, search: marker });
    expect(all.rows.map((row) => row.id).sort()).toEqual([kept.id, banned.id].sort());
    const onlyBanned = await listUsers({
      ...adminUserQuery.defaults,
      search: marker,
      filters: { status: { in: ['banned'] } },
    });
    expect(onlyBanned.rows.map((row) => row.id)).toEqual([banned.id]);
    const active = await listUsers({
      ...adminUserQuery.defaults,
      search: marker,
      filters: { status: { in: ['active'] } },
    });
    expect(active.rows.map((row) => row.id)).toEqual([kept.id]);
  });
});
