import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditQuery } from '@/features/audit';
import {
  listOrganizationAuditEvents,
  listOwnSecurityEvents,
  pruneAuditEvents,
  recordAuditEvent,
} from '@/features/audit/server';
import { auditEvents } from '@/features/audit/server/schema';
import { appConfig } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import { withTenant, withUserTenant } from '@/platform/db/tenant';
import { runInRequest } from '@/platform/http/request-scope';
import { insertUser, makeOrganization } from '../../support/organizations';

/**
 * The audit log's guarantees, at the database: a row commits with its change or not at all, the app's roles
 * can only add and read rows, and row-level security shows an organization's rows to its owners and admins
 * and a user's own security events to that user, to nobody else.
 */

const owner = await insertUser({ name: 'Olive Owner' });
const admin = await insertUser({ name: 'Adam Admin' });
const member = await insertUser({ name: 'Mona Member' });
const otherOwner = await insertUser({ name: 'Otto Other' });
const stranger = await insertUser({ name: 'Stan Stranger' });
const acme = await makeOrganization([
  [owner, 'owner'],
  [admin, 'admin'],
  [member, 'member'],
]);
const globex = await makeOrganization([[otherOwner, 'owner']]);

async function rowsWithRequest(requestId: string) {
  return db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId));
}

const organizationEvent = (organizationId: string) => ({
  action: 'member.roleChanged' as const,
  actorUserId: owner.id,
  target: { type: 'user' as const, id: member.id },
  organizationId,
  details: { from: 'member', to: 'admin' },
});

await db.transaction(async (tx) => {
  await recordAuditEvent(tx, organizationEvent(acme.id));
  await recordAuditEvent(tx, organizationEvent(globex.id));
  await recordAuditEvent(tx, {
    action: 'auth.signedIn',
    actorUserId: member.id,
    target: { type: 'user', id: member.id },
  });
  await recordAuditEvent(tx, {
    action: 'auth.signInFailed',
    actorUserId: null,
    target: { type: 'user', id: member.id },
  });
  await recordAuditEvent(tx, {
    action: 'auth.signedIn',
    actorUserId: owner.id,
    target: { type: 'user', id: owner.id },
  });
  // A super admin's action on the member's account: the operators' record, not shown to the member.
  await recordAuditEvent(tx, {
    action: 'admin.userBanned',
    actorUserId: stranger.id,
    target: { type: 'user', id: member.id },
    details: { reason: 'Chargebacks on three cards' },
  });
});

describe('recording an event', () => {
  it('commits with the change and takes the request id and address of the request being served', async () => {
    const requestId = `req-${randomUUID()}`;
    await runInRequest({ requestId, ip: '203.0.113.9' }, () =>
      db.transaction((tx) => recordAuditEvent(tx, organizationEvent(acme.id))),
    );
    expect(await rowsWithRequest(requestId)).toEqual([
      expect.objectContaining({
        action: 'member.roleChanged',
        actorUserId: owner.id,
        organizationId: acme.id,
        ip: '203.0.113.9',
        requestId,
        details: { from: 'member', to: 'admin' },
      }),
    ]);
  });

  it('leaves no row when the change it records rolls back', async () => {
    const requestId = `req-${randomUUID()}`;
    const failing = runInRequest({ requestId, ip: null }, () =>
      db.transaction(async (tx) => {
        await recordAuditEvent(tx, organizationEvent(acme.id));
        throw new Error('the change failed');
      }),
    );
    await expect(failing).rejects.toThrow('the change failed');
    expect(await rowsWithRequest(requestId)).toEqual([]);
  });

  it('refuses details that look like secrets', async () => {
    await expect(
      db.transaction((tx) =>
        recordAuditEvent(tx, { action: 'auth.passwordChanged', actorUserId: owner.id, details: { newPassword: 'x' } }),
      ),
    ).rejects.toThrow(/secret/);
  });
});

describe('append-only for the application', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on the app’s own connection', async () => {
    await expect(db.execute(sql`update audit_events set action = 'auth.signedIn'`)).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '42501', constraint: 'audit_events_append_only' }),
    });
    await expect(db.execute(sql`delete from audit_events`)).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '42501' }),
    });
    await expect(db.execute(sql`truncate audit_events`)).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '42501' }),
    });
    expect((await db.select().from(auditEvents)).length).toBeGreaterThanOrEqual(5);
  });

  it('refuses UPDATE and DELETE to the tenant role, even to an owner reading the rows', async () => {
    const scope = { userId: owner.id, organizationId: acme.id };
    await expect(
      withTenant(scope, (tx) => tx.execute(sql`update audit_events set action = 'x'`)),
    ).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '42501', message: expect.stringMatching(/permission denied/) }),
    });
    await expect(withTenant(scope, (tx) => tx.execute(sql`delete from audit_events`))).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '42501', message: expect.stringMatching(/permission denied/) }),
    });
  });

  it('grants the app’s roles INSERT and SELECT only', async () => {
    const { rows } = await db.execute<{ grantee: string; privilege: string }>(sql`
      select grantee, privilege_type as privilege from information_schema.role_table_grants
      where table_name = 'audit_events' and grantee in (current_user, 'keel_tenant') order by 1, 2`);
    const of = (tenant: boolean) =>
      rows.filter((row) => (row.grantee === 'keel_tenant') === tenant).map((row) => row.privilege);
    expect(of(true)).toEqual(['INSERT', 'SELECT']);
    expect(of(false)).toEqual(['INSERT', 'SELECT']);
  });
});

describe('who reads what', () => {
  const page = auditQuery.defaults;

  it('shows an organization’s rows to its owners and admins', async () => {
    for (const reader of [owner, admin]) {
      const { rows } = await listOrganizationAuditEvents({ userId: reader.id, organizationId: acme.id }, page);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((row) => row.action))).toEqual(new Set(['member.roleChanged']));
    }
  });

  it('shows nothing of it to a member, another organization’s owner or a stranger, even without a where', async () => {
    for (const [reader, organizationId] of [
      [member, acme.id],
      [otherOwner, acme.id],
      [stranger, acme.id],
    ] as const) {
      const { rows } = await listOrganizationAuditEvents({ userId: reader.id, organizationId }, page);
      expect(rows).toEqual([]);
      const everything = await withTenant({ userId: reader.id, organizationId }, (tx) =>
        tx
          .select()
          .from(auditEvents)
          .where(sql`${auditEvents.organizationId} is not null`),
      );
      expect(everything).toEqual([]);
    }
    // Another organization's owner reads their own organization's rows only.
    const theirs = await withTenant({ userId: otherOwner.id, organizationId: globex.id }, (tx) =>
      tx.select({ organizationId: auditEvents.organizationId }).from(auditEvents),
    );
    expect(new Set(theirs.map((row) => row.organizationId))).toEqual(new Set([globex.id]));
  });

  it('shows each user their own security events, done by them or to their account, and nobody else’s', async () => {
    const { rows } = await listOwnSecurityEvents(member.id, page);
    expect(rows.map((row) => row.action).sort()).toEqual(['auth.signInFailed', 'auth.signedIn']);
    // Row-level security itself keeps the ban (its reason, the admin's address) from the banned account.
    const seenByMember = await withUserTenant(member.id, (tx) =>
      tx.select({ action: auditEvents.action }).from(auditEvents),
    );
    expect(seenByMember.map((row) => row.action).sort()).toEqual(['auth.signInFailed', 'auth.signedIn']);
    const seenByStranger = await withUserTenant(stranger.id, (tx) => tx.select().from(auditEvents));
    expect(seenByStranger).toEqual([]);
    const seenByOwner = await withUserTenant(owner.id, (tx) =>
      tx.select({ actor: auditEvents.actorUserId }).from(auditEvents),
    );
    expect(seenByOwner).toEqual([{ actor: owner.id }]);
  });

  it('lets the tenant record only its organization’s events or the acting user’s own', async () => {
    await expect(
      withTenant({ userId: owner.id, organizationId: acme.id }, (tx) =>
        recordAuditEvent(tx, organizationEvent(globex.id)),
      ),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
    await expect(
      withUserTenant(owner.id, (tx) =>
        recordAuditEvent(tx, { action: 'auth.passwordChanged', actorUserId: stranger.id }),
      ),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
  });

  it('lets the roles with audit.read read, as the database’s policy does', async () => {
    // keel_reads_organization_audit() names the roles; the configuration must agree with it.
    const readers = appConfig.organizations.roles
      .filter((role) => role.permissions.includes('audit.read'))
      .map((role) => role.name);
    expect(readers).toEqual(['owner', 'admin']);
    const { rows } = await db.execute<{ body: string }>(
      sql`select prosrc as body from pg_proc where proname = 'keel_reads_organization_audit'`,
    );
    expect(rows[0]?.body).toContain(`m.role IN (${readers.map((name) => `'${name}'`).join(', ')})`);
  });
});

describe('retention', () => {
  it('deletes events older than the retention period as the retention role, and keeps the rest', async () => {
    const requestId = `req-${randomUUID()}`;
    await runInRequest({ requestId, ip: null }, () =>
      db.transaction((tx) => recordAuditEvent(tx, organizationEvent(acme.id))),
    );
    const before = (await db.select().from(auditEvents)).length;
    // Ten days from now, with a retention of five, everything recorded so far is past it.
    expect(await pruneAuditEvents(new Date(Date.now() + 10 * 86_400_000), 5)).toBe(before);
    expect(await db.select().from(auditEvents)).toEqual([]);

    await db.transaction((tx) => recordAuditEvent(tx, organizationEvent(acme.id)));
    expect(await pruneAuditEvents(new Date(), appConfig.audit.retentionDays)).toBe(0);
    expect((await db.select().from(auditEvents)).length).toBe(1);
  });
});
