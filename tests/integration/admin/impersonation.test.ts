import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { adminUserPath } from '@/features/admin';
import {
  banUserAction,
  grantSuperAdmin,
  startImpersonationAction,
  stopImpersonationAction,
} from '@/features/admin/server';
import { listAllAuditEvents } from '@/features/audit/server';
import { auditEvents } from '@/features/audit/server/schema';
import { auditQuery, type AuditAction } from '@/features/audit';
import { getSessionFromHeaders, listSessions } from '@/features/auth/server';
import { sessions, users } from '@/features/auth/server/schema';
import { createOrganizationAction } from '@/features/organizations/server';
import { db } from '@/platform/db/client';
import { ACTIONS } from '../../security/endpoints';
import { makeAdmin } from '../../support/admin';
import { errorText } from '../../support/messages';
import { makeOrganization, uniqueSlug } from '../../support/organizations';
import { createVerifiedUser, signInAs } from '../../support/users';
import { Visitor } from '../../support/visitor';

/**
 * Impersonation (docs/admin/impersonation.md, decision 0064): a super admin opens an hour-long session as a user and
 * goes back to their own; the limits hold on the server; every event of the session names the admin.
 */

const HOUR_MS = 60 * 60 * 1000;

async function auditRows(action: AuditAction, targetId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)));
}

async function sessionRow(id: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row ?? null;
}

/** A super admin signed in just now, impersonating a new user in their browser (`admin.visitor`). */
async function impersonation() {
  const admin = await makeAdmin();
  await db.update(users).set({ name: 'Olive Operator' }).where(eq(users.id, admin.id));
  const user = await createVerifiedUser({ name: 'Carl Customer' });
  const adminSession = (await getSessionFromHeaders(admin.visitor.headers()))!.session;
  const started = await admin.visitor.run(startImpersonationAction, { userId: user.id });
  expect(started).toEqual({ redirect: '/dashboard' });
  const current = (await getSessionFromHeaders(admin.visitor.headers()))!;
  return { admin, user, adminSession, current, browser: admin.visitor };
}

describe('starting and stopping', () => {
  it('opens a session as the user, marked with the admin and an hour long, and gives the admin’s back on stop', async () => {
    const { admin, user, adminSession, current, browser } = await impersonation();
    expect(current.user.id).toBe(user.id);
    expect(current.session.impersonatedBy).toBe(admin.id);
    expect(current.session.id).not.toBe(adminSession.id);
    const row = (await sessionRow(current.session.id))!;
    expect(row.impersonatedBy).toBe(admin.id);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(HOUR_MS);

    // The admin's session is kept, its token in a signed HttpOnly cookie that lasts as long as the impersonation.
    const kept = browser.received.get('keel.impersonator_session')!;
    const adminToken = (await sessionRow(adminSession.id))!.token;
    expect(kept).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', maxAge: 3600 });
    expect(kept.value.startsWith(`${adminToken}.`)).toBe(true);
    expect(browser.received.get('keel.session_token')).toMatchObject({ httpOnly: true, maxAge: 3600 });

    // The user's sessions list marks it.
    expect((await listSessions(user.id)).map((session) => session.impersonated).sort()).toEqual([false, true]);

    expect(await auditRows('admin.impersonationStarted', user.id)).toEqual([
      expect.objectContaining({ actorUserId: admin.id, impersonatorUserId: null, targetType: 'user' }),
    ]);

    expect(await browser.run(stopImpersonationAction, {})).toEqual({ redirect: adminUserPath(user.id) });
    expect(await sessionRow(current.session.id)).toBeNull();
    const back = (await getSessionFromHeaders(browser.headers()))!;
    expect(back.user.id).toBe(admin.id);
    expect(back.session.id).toBe(adminSession.id);
    expect(browser.cookies.has('keel.impersonator_session')).toBe(false);
    expect(await auditRows('admin.impersonationStopped', user.id)).toEqual([
      expect.objectContaining({ actorUserId: admin.id, impersonatorUserId: null, targetType: 'user' }),
    ]);
  });

  it('sends the admin to sign in when their own session ended meanwhile, or the kept cookie was forged', async () => {
    const { user, adminSession, browser } = await impersonation();
    await db.delete(sessions).where(eq(sessions.id, adminSession.id));
    expect(await browser.run(stopImpersonationAction, {})).toEqual({
      redirect: `/auth/sign-in?next=${encodeURIComponent(adminUserPath(user.id))}`,
    });
    expect(await getSessionFromHeaders(browser.headers())).toBeNull();

    const second = await impersonation();
    const [token] = second.browser.cookies.get('keel.impersonator_session')!.split('.');
    second.browser.cookies.set('keel.impersonator_session', `${token}.${'A'.repeat(43)}=`);
    expect(await second.browser.run(stopImpersonationAction, {})).toHaveProperty('redirect');
    expect(await getSessionFromHeaders(second.browser.headers())).toBeNull();
  });

  it('refuses oneself, another super admin and a banned user, changing nothing', async () => {
    const admin = await makeAdmin();
    const other = await createVerifiedUser();
    await grantSuperAdmin(other.email);
    const banned = await createVerifiedUser();
    await db.update(users).set({ bannedAt: new Date() }).where(eq(users.id, banned.id));
    const refusals = [
      [admin.id, 'BAD_REQUEST', 'admin.impersonation.self'],
      [other.id, 'CONFLICT', 'admin.impersonation.superAdmin'],
      [banned.id, 'CONFLICT', 'admin.impersonation.banned'],
    ] as const;
    for (const [userId, code, key] of refusals) {
      expect(await admin.visitor.run(startImpersonationAction, { userId }), key).toMatchObject({
        ok: false,
        error: { code, message: errorText('en', key) },
      });
    }
    expect(await admin.visitor.run(startImpersonationAction, { userId: 'no-such-user' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await getSessionFromHeaders(admin.visitor.headers()))!.user.id).toBe(admin.id);
    const opened = await db.select().from(sessions).where(eq(sessions.impersonatedBy, admin.id));
    expect(opened).toEqual([]);
  });

  it('needs a super admin with two-factor, signed in within 30 minutes (the area’s guards)', async () => {
    const user = await createVerifiedUser();
    const stranger = await createVerifiedUser();
    expect(await stranger.visitor.run(startImpersonationAction, { userId: user.id })).toMatchObject({
      ok: false,
      error: { status: 404 },
    });
    const withoutTwoFactor = await createVerifiedUser();
    await grantSuperAdmin(withoutTwoFactor.email);
    expect(await withoutTwoFactor.visitor.run(startImpersonationAction, { userId: user.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: errorText('en', 'admin.twoFactorRequired') },
    });
    const admin = await makeAdmin();
    const adminSession = (await getSessionFromHeaders(admin.visitor.headers()))!.session.id;
    await db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 31 * 60 * 1000) })
      .where(eq(sessions.id, adminSession));
    expect(await admin.visitor.run(startImpersonationAction, { userId: user.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: errorText('en', 'admin.signInAgain') },
    });
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
    // Stopping is for an impersonated session only: anyone else learns nothing.
    expect(await stranger.visitor.run(stopImpersonationAction, {})).toMatchObject({ error: { status: 404 } });
    expect(await new Visitor().run(stopImpersonationAction, {})).toMatchObject({ error: { status: 401 } });
  });
});

describe('the hour', () => {
  it('is not extended by better-auth’s sliding refresh, and after it the session simply ends', async () => {
    const { current, browser, adminSession } = await impersonation();
    const opened = (await sessionRow(current.session.id))!;
    // Each read is a refresh for better-auth (its expiry is far less than 30 days minus a day away); a
    // session of the admin's own, moved as close to its end, is extended by the same read.
    for (let read = 0; read < 3; read++) expect(await getSessionFromHeaders(browser.headers())).not.toBeNull();
    expect((await sessionRow(current.session.id))!.expiresAt).toEqual(opened.expiresAt);
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + HOUR_MS) })
      .where(eq(sessions.id, adminSession.id));
    const ownBrowser = new Visitor();
    ownBrowser.cookies.set('keel.session_token', browser.cookies.get('keel.impersonator_session')!);
    expect(await getSessionFromHeaders(ownBrowser.headers())).not.toBeNull();
    expect((await sessionRow(adminSession.id))!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 20 * 24 * HOUR_MS);

    // Nor by any other write (the database holds it).
    await db
      .update(sessions)
      .set({ expiresAt: sql`now() + interval '30 days'` })
      .where(eq(sessions.id, current.session.id));
    expect((await sessionRow(current.session.id))!.expiresAt).toEqual(opened.expiresAt);

    // An hour on: signed out of the impersonated session; nothing to stop.
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, current.session.id));
    expect(await getSessionFromHeaders(browser.headers())).toBeNull();
    expect(await browser.run(stopImpersonationAction, {})).toMatchObject({ error: { status: 401 } });
  });
});

describe('the limits while impersonating', () => {
  it('refuses every action listed in tests/security/endpoints.ts as refused, with 403 and the reason', async () => {
    const { user, browser } = await impersonation();
    // Told in the admin's language (a browser in Spanish).
    browser.cookies.set('NEXT_LOCALE', 'es');
    const colleague = await createVerifiedUser();
    const organization = await makeOrganization([
      [user, 'owner'],
      [colleague, 'member'],
    ]);
    const otherDevice = await signInAs(user);
    const otherSessionId = (await getSessionFromHeaders(otherDevice.headers()))!.session.id;
    const target = {
      victim: user,
      colleague,
      organization,
      victimSessionId: otherSessionId,
    } as unknown as Parameters<NonNullable<(typeof ACTIONS)[string]['input']>>[0];

    const refused = Object.entries(ACTIONS).filter(([, entry]) => entry.whileImpersonating === 'refused');
    // Password, email, two-factor, sessions, deletions and billing: at least these.
    expect(refused.map(([key]) => key.split('#')[1])).toEqual(
      expect.arrayContaining([
        'changePassword',
        'requestEmailChange',
        'disableTwoFactor',
        'signOutOtherSessions',
        'deleteAccount',
        'deleteOrganizationAction',
        'startCheckoutAction',
        'openBillingPortalAction',
      ]),
    );
    for (const [key, entry] of refused) {
      const [file, name] = key.split('#') as [string, string];
      const exported = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, { definition: unknown }>;
      expect(await browser.run(exported[name]!, entry.input!(target)), key).toMatchObject({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          status: 403,
          message: errorText('es', 'admin.impersonation.notWhileImpersonating'),
        },
      });
    }
    // Nothing changed: the user's devices, password and organization are as they were.
    expect(await getSessionFromHeaders(otherDevice.headers())).not.toBeNull();
    await signInAs(user);
    expect(await getSessionFromHeaders(browser.headers())).not.toBeNull();
    expect((await db.execute(sql`select 1 from organizations where id = ${organization.id}`)).rows).toHaveLength(1);
  });

  it('is the user’s session: the admin area answers 404', async () => {
    const { user, browser } = await impersonation();
    const victim = await createVerifiedUser();
    expect(await browser.run(banUserAction, { userId: victim.id, reason: 'From inside' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', status: 404 },
    });
    expect(await browser.run(startImpersonationAction, { userId: victim.id })).toMatchObject({
      error: { status: 404 },
    });
    expect((await getSessionFromHeaders(browser.headers()))!.user.id).toBe(user.id);
    expect(await db.select().from(sessions).where(eq(sessions.impersonatedBy, user.id))).toEqual([]);
  });
});

describe('the audit log', () => {
  it('names the impersonator on every event recorded in the impersonated session, without the caller passing it', async () => {
    const { admin, user, browser } = await impersonation();
    const slug = uniqueSlug('imp');
    expect(await browser.run(createOrganizationAction, { name: 'Made by support', slug })).toEqual({
      redirect: `/dashboard/${slug}`,
    });
    const created = (await db.select().from(auditEvents).where(eq(auditEvents.action, 'organization.created'))).filter(
      (row) => row.details.slug === slug,
    );
    expect(created).toEqual([expect.objectContaining({ actorUserId: user.id, impersonatorUserId: admin.id })]);

    // The same action in the user's own session names nobody.
    const ownSlug = uniqueSlug('own');
    await (await signInAs(user)).run(createOrganizationAction, { name: 'Made by the user', slug: ownSlug });
    const mine = (await db.select().from(auditEvents).where(eq(auditEvents.action, 'organization.created'))).filter(
      (row) => row.details.slug === ownSlug,
    );
    expect(mine).toEqual([expect.objectContaining({ actorUserId: user.id, impersonatorUserId: null })]);

    // The admin area reads the impersonator's name with each row.
    const page = await listAllAuditEvents(auditQuery.defaults, { targetUserId: user.id });
    const row = page.rows.find((event) => event.details.slug === slug);
    expect(row).toMatchObject({ impersonatorUserId: admin.id, impersonatorName: 'Olive Operator' });
  });
});
