import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { runMigrations } from '@/platform/db/migrate';

/**
 * Tests connect as a superuser, which row-level security never restricts. In
 * production the app usually connects as an ordinary role that owns its
 * tables (Supabase, Neon, RDS): then the forced policies apply to it too, and
 * only the `app_access` policies let it work across organizations. This file
 * migrates a database as such a role and works in it as the app does.
 */
const adminUrl = inject('testDatabaseAdminUrl');
const suffix = randomBytes(4).toString('hex');
const role = `keel_app_${suffix}`;
const database = `keel_owned_${suffix}`;
const password = randomBytes(12).toString('hex');
/** Another app's role on the same server: also a member of keel_tenant (roles are per server). */
const stranger = `keel_other_${suffix}`;

async function asAdmin(statements: string[]) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

function roleUrl(as = role) {
  const url = new URL(adminUrl);
  url.username = as;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}

// What a DBA does once per server where keel_tenant already exists (docs/organizations/row-level-security.md).
await asAdmin([
  `create role ${role} login createrole password '${password}'`,
  `create database ${database} owner ${role}`,
  `grant keel_tenant to ${role}`,
  `grant keel_audit_retention to ${role} with inherit false`,
  `create role ${stranger} login password '${password}'`,
  `grant keel_tenant to ${stranger}`,
]);
await runMigrations(roleUrl());
const app = new pg.Client({ connectionString: roleUrl() });
await app.connect();

afterAll(async () => {
  await app.end();
  await asAdmin([
    `drop database if exists ${database} with (force)`,
    `drop owned by ${role}`,
    `drop role if exists ${role}`,
    `drop role if exists ${stranger}`,
  ]);
});

describe('an app connecting as an ordinary role that owns its tables', () => {
  it('is not a superuser and is subject to the forced policies', async () => {
    const { rows } = await app.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'select rolsuper, rolbypassrls from pg_roles where rolname = current_user',
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it('works across organizations through app_access, and sees one organization as the tenant role', async () => {
    const userA = randomUUID();
    const userB = randomUUID();
    await app.query(
      `insert into users (id, name, email, email_verified) values ($1, 'A', $2, true), ($3, 'B', $4, true)`,
      [userA, `a-${suffix}@example.com`, userB, `b-${suffix}@example.com`],
    );
    const { rows: created } = await app.query<{ id: string }>(
      `insert into organizations (name, slug) values ('One', 'one-${suffix}'), ('Two', 'two-${suffix}') returning id`,
    );
    const [one, two] = created.map((row) => row.id);
    await app.query(
      `insert into members (organization_id, user_id, role) values ($1, $2, 'owner'), ($3, $4, 'owner')`,
      [one, userA, two, userB],
    );
    expect((await app.query('select id from organizations')).rowCount).toBe(2);

    await app.query('begin');
    try {
      await app.query(
        `select set_config('role', 'keel_tenant', true), set_config('keel.user_id', $1, true), set_config('keel.organization_id', $2, true)`,
        [userA, one],
      );
      const { rows } = await app.query<{ id: string }>('select id from organizations');
      expect(rows).toEqual([{ id: one }]);
      const { rows: people } = await app.query<{ id: string }>('select id from users');
      expect(people).toEqual([{ id: userA }]);
    } finally {
      await app.query('rollback');
    }
  });

  it('gives nothing to another role of the server that connects here and poses as the app', async () => {
    const user = randomUUID();
    await app.query(`insert into users (id, name, email, email_verified) values ($1, 'D', $2, true)`, [
      user,
      `d-${suffix}@example.com`,
    ]);
    const { rows } = await app.query<{ id: string }>(
      `insert into organizations (name, slug) values ('Four', 'four-${suffix}') returning id`,
    );
    const organization = rows[0]!.id;
    await app.query(`insert into members (organization_id, user_id, role) values ($1, $2, 'owner')`, [
      organization,
      user,
    ]);

    const other = new pg.Client({ connectionString: roleUrl(stranger) });
    await other.connect();
    try {
      await other.query('begin');
      await other.query(
        `select set_config('role', 'keel_tenant', true), set_config('keel.user_id', $1, true), set_config('keel.organization_id', $2, true)`,
        [user, organization],
      );
      expect((await other.query('select id from organizations')).rows).toEqual([]);
      expect((await other.query('select id from members')).rows).toEqual([]);
      expect((await other.query('select id from users')).rows).toEqual([]);
      expect((await other.query(`update organizations set name = 'pwned'`)).rowCount).toBe(0);
      await other.query('rollback');
    } finally {
      await other.end();
    }
    // The same settings in the app's own session do reach the organization.
    await app.query('begin');
    await app.query(
      `select set_config('role', 'keel_tenant', true), set_config('keel.user_id', $1, true), set_config('keel.organization_id', $2, true)`,
      [user, organization],
    );
    expect((await app.query('select id from organizations')).rows).toEqual([{ id: organization }]);
    await app.query('rollback');
  });

  it('writes billing state and queues jobs as this role, and reads billing as the tenant role', async () => {
    const user = randomUUID();
    await app.query(`insert into users (id, name, email, email_verified) values ($1, 'E', $2, true)`, [
      user,
      `e-${suffix}@example.com`,
    ]);
    const { rows } = await app.query<{ id: string }>(
      `insert into organizations (name, slug) values ('Five', 'five-${suffix}') returning id`,
    );
    const organization = rows[0]!.id;
    await app.query(`insert into members (organization_id, user_id, role) values ($1, $2, 'owner')`, [
      organization,
      user,
    ]);
    await app.query(
      `insert into billing_customers (organization_id, provider, provider_customer_id) values ($1, 'local', $2)`,
      [organization, `cus_${suffix}`],
    );
    await app.query(
      `insert into billing_webhook_events (provider, provider_event_id, type, occurred_at) values ('local', $1, 'test', now())`,
      [`evt_${suffix}`],
    );
    await app.query(`select graphile_worker.add_job('test.noop', '{}'::json)`);
    await app.query('begin');
    try {
      await app.query(
        `select set_config('role', 'keel_tenant', true), set_config('keel.user_id', $1, true), set_config('keel.organization_id', $2, true)`,
        [user, organization],
      );
      expect((await app.query('select provider_customer_id from billing_customers')).rows).toEqual([
        { provider_customer_id: `cus_${suffix}` },
      ]);
    } finally {
      await app.query('rollback');
    }
  });

  it('may add and read audit events as this role, never change or delete them; the retention role may delete', async () => {
    await app.query(`insert into audit_events (action, actor_user_id) values ('auth.signedIn', $1)`, [randomUUID()]);
    // Refused by the grants (permission denied), before the append-only trigger is reached.
    for (const statement of [
      'update audit_events set action = $$x$$',
      'delete from audit_events',
      'truncate audit_events',
    ])
      await expect(app.query(statement)).rejects.toMatchObject({
        code: '42501',
        message: expect.stringMatching(/permission denied for table audit_events/),
      });
    await app.query('begin');
    try {
      await app.query(`select set_config('role', 'keel_audit_retention', true)`);
      expect((await app.query('delete from audit_events')).rowCount).toBe(1);
    } finally {
      await app.query('rollback');
    }
  });

  it('keeps an owner in every organization for this role too', async () => {
    const user = randomUUID();
    await app.query(`insert into users (id, name, email, email_verified) values ($1, 'C', $2, true)`, [
      user,
      `c-${suffix}@example.com`,
    ]);
    const { rows } = await app.query<{ id: string }>(
      `insert into organizations (name, slug) values ('Three', 'three-${suffix}') returning id`,
    );
    await app.query(`insert into members (organization_id, user_id, role) values ($1, $2, 'owner')`, [
      rows[0]!.id,
      user,
    ]);
    await expect(app.query(`update members set role = 'member' where user_id = $1`, [user])).rejects.toMatchObject({
      constraint: 'organization_keeps_an_owner',
    });
  });
});
