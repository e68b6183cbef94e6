import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  findAccess,
  inOrganization,
  listOrganizationsOfUser,
  organizationMember,
  permissionsOf,
  rememberOrganization,
  rememberedOrganization,
  requireOrganization,
} from '@/features/organizations/server';
import { members, organizations } from '@/features/organizations/server/schema';
import { db } from '@/platform/db/client';
import { defineAction } from '@/platform/http/action';
import { defineRoute } from '@/platform/http/route';
import { AppError } from '@/platform/http/errors';
import {
  expectRefusal,
  insertUser,
  makeOrganization,
  refusalOf,
  type TestOrganization,
} from '../../support/organizations';
import { createVerifiedUser, type TestUser } from '../../support/users';
import { errorText } from '../../support/messages';
import { ORIGIN, Visitor } from '../../support/visitor';

/** The browser whose request a page (requireOrganization) is rendering. */
const page = vi.hoisted(() => ({ visitor: null as null | { headers(): Headers; cookies: Map<string, string> } }));
vi.mock('next/headers', () => ({
  headers: async () => page.visitor!.headers(),
  cookies: async () => ({
    get: (name: string) =>
      page.visitor!.cookies.has(name) ? { name, value: page.visitor!.cookies.get(name) } : undefined,
    has: (name: string) => page.visitor!.cookies.has(name),
    toString: () => [...page.visitor!.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  }),
}));

let owner: TestUser;
let admin: TestUser;
let member: TestUser;
let acme: TestOrganization;
let globex: TestOrganization;

beforeAll(async () => {
  [owner, admin, member] = await Promise.all([
    createVerifiedUser({ name: 'Olivia Owner' }),
    createVerifiedUser({ name: 'Adam Admin' }),
    createVerifiedUser({ name: 'Mia Member' }),
  ]);
  acme = await makeOrganization(
    [
      [owner, 'owner'],
      [admin, 'admin'],
      [member, 'member'],
    ],
    { name: 'acme', slug: 'acme-sdk' },
  );
  globex = await makeOrganization([[admin, 'owner']], { name: 'Globex', slug: 'globex-sdk' });
});

describe('findAccess', () => {
  it('finds a membership by slug in any case, or by id, with the role’s permissions', async () => {
    const bySlug = await findAccess(admin.id, { slug: 'ACME-Sdk' });
    expect(bySlug).toMatchObject({
      organization: { id: acme.id, name: 'acme', slug: 'acme-sdk', logoUrl: null },
      membership: { organizationId: acme.id, userId: admin.id, role: 'admin' },
    });
    expect(bySlug!.permissions).toEqual(permissionsOf('admin'));
    expect(bySlug!.permissions).toContain('members.invite');
    expect(await findAccess(admin.id, { id: acme.id })).toEqual(bySlug);
  });

  it('answers null alike for a non-member, an unknown slug, an unknown id and a malformed id', async () => {
    expect(await findAccess(member.id, { slug: 'globex-sdk' })).toBeNull();
    expect(await findAccess(member.id, { slug: 'no-such-organization' })).toBeNull();
    expect(await findAccess(member.id, { id: crypto.randomUUID() })).toBeNull();
    expect(await findAccess(member.id, { id: 'not-a-uuid' })).toBeNull();
  });
});

describe('the organizations of a user', () => {
  it('lists them by name whatever the case, with the role in each', async () => {
    const list = await listOrganizationsOfUser(admin.id);
    expect(list.map((row) => [row.name, row.role])).toEqual([
      ['acme', 'admin'],
      ['Globex', 'owner'],
    ]);
    expect((await listOrganizationsOfUser(member.id)).map((row) => row.id)).toEqual([acme.id]);
  });

  it('opens the one used last, else the first by name; null without any', async () => {
    const loner = await insertUser({ name: 'Lone Person' });
    expect(await rememberedOrganization(loner.id)).toBeNull();
    const zulu = await makeOrganization([[loner, 'owner']], { name: 'Zulu' });
    const alpha = await makeOrganization([[loner, 'owner']], { name: 'alpha' });
    expect((await rememberedOrganization(loner.id))?.id).toBe(alpha.id);
    await rememberOrganization(loner.id, zulu.id);
    expect((await rememberedOrganization(loner.id))?.id).toBe(zulu.id);
    await rememberOrganization(loner.id, alpha.id);
    expect((await rememberedOrganization(loner.id))?.id).toBe(alpha.id);
    await rememberOrganization(loner.id, zulu.id);
    // No longer a member of the remembered one: back to the first by name.
    await db.insert(members).values({ organizationId: zulu.id, userId: owner.id, role: 'owner' });
    await db.delete(members).where(and(eq(members.userId, loner.id), eq(members.organizationId, zulu.id)));
    expect((await rememberedOrganization(loner.id))?.id).toBe(alpha.id);
    // And once the organization is gone altogether.
    await rememberOrganization(loner.id, alpha.id);
    await db.delete(organizations).where(eq(organizations.id, alpha.id));
    expect(await rememberedOrganization(loner.id)).toBeNull();
  });
});

describe('organizationMember, the guard for actions and routes', () => {
  const input = z.object({ organizationId: z.string() });
  const whoAmI = defineAction({
    name: 'test.whoAmI',
    input,
    guards: [organizationMember()],
    handler: async (_input, { user, membership, organization }) => ({
      user: user.id,
      role: membership.role,
      slug: organization.slug,
    }),
  });
  const adminsOnly = defineAction({
    name: 'test.adminsOnly',
    input,
    guards: [organizationMember({ minimumRole: 'admin' })],
    handler: async (_input, { membership }) => membership.role,
  });
  const inviters = defineAction({
    name: 'test.inviters',
    input,
    guards: [organizationMember({ permission: 'members.invite' })],
    handler: async (_input, { membership }) => membership.role,
  });

  it('answers 401 to the signed-out', async () => {
    expectRefusal(await new Visitor().run(whoAmI, { organizationId: acme.id }), 'UNAUTHENTICATED', {
      key: 'UNAUTHENTICATED',
    });
  });

  it('answers 404 alike to a non-member, for an unknown organization and for a malformed id', async () => {
    const notMine = await member.visitor.run(whoAmI, { organizationId: globex.id });
    expectRefusal(notMine, 'NOT_FOUND', { key: 'NOT_FOUND' });
    expect(refusalOf(await member.visitor.run(whoAmI, { organizationId: crypto.randomUUID() }))).toEqual(
      refusalOf(notMine),
    );
    expect(refusalOf(await member.visitor.run(whoAmI, { organizationId: 'globex-sdk' }))).toEqual(refusalOf(notMine));
  });

  it('gives the handler the user, the membership and the organization', async () => {
    expect(await member.visitor.run(whoAmI, { organizationId: acme.id })).toEqual({
      ok: true,
      data: { user: member.id, role: 'member', slug: 'acme-sdk' },
    });
  });

  it('answers 403 below the minimum role or without the permission', async () => {
    expectRefusal(await member.visitor.run(adminsOnly, { organizationId: acme.id }), 'FORBIDDEN', {
      key: 'organizations.forbidden',
    });
    expectRefusal(await member.visitor.run(inviters, { organizationId: acme.id }), 'FORBIDDEN', {
      key: 'organizations.forbidden',
    });
    expect(await admin.visitor.run(adminsOnly, { organizationId: acme.id })).toEqual({ ok: true, data: 'admin' });
    expect(await owner.visitor.run(adminsOnly, { organizationId: acme.id })).toEqual({ ok: true, data: 'owner' });
    expect(await admin.visitor.run(inviters, { organizationId: acme.id })).toEqual({ ok: true, data: 'admin' });
  });
});

describe('organizationMember on an API route, with the organization in the URL', () => {
  const route = defineRoute({
    params: z.object({ organizationId: z.string() }),
    guards: [organizationMember({ minimumRole: 'admin' })],
    handler: async (_input, { membership, organization }) => ({ role: membership.role, slug: organization.slug }),
  });
  const get = (visitor: Visitor, organizationId: string) =>
    route(new Request(`${ORIGIN}/api/organizations/${organizationId}/probe`, { headers: visitor.headers() }), {
      params: Promise.resolve({ organizationId }),
    });

  it('answers 401, 404, 403, or the handler’s answer', async () => {
    expect((await get(new Visitor(), acme.id)).status).toBe(401);
    expect((await get(member.visitor, globex.id)).status).toBe(404);
    expect((await get(member.visitor, crypto.randomUUID())).status).toBe(404);
    const forbidden = await get(member.visitor, acme.id);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({
      error: { code: 'FORBIDDEN', message: errorText('en', 'organizations.forbidden') },
    });
    const allowed = await get(admin.visitor, acme.id);
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ role: 'admin', slug: 'acme-sdk' });
  });
});

describe('inOrganization', () => {
  it('runs the work as the member, seeing only this organization’s rows', async () => {
    const seen = await inOrganization({ userId: admin.id, organizationId: acme.id }, {}, async (tx, actor) => ({
      actor: actor.role,
      organizations: (await tx.select({ id: organizations.id }).from(organizations)).map((row) => row.id),
      members: (await tx.select({ organizationId: members.organizationId }).from(members)).map(
        (row) => row.organizationId,
      ),
    }));
    expect(seen.actor).toBe('admin');
    expect(seen.organizations).toEqual([acme.id]);
    expect(new Set(seen.members)).toEqual(new Set([acme.id]));
  });

  it('checks the minimum role and the permission inside the transaction', async () => {
    const scope = { userId: member.id, organizationId: acme.id };
    let ran = false;
    const work = async () => {
      ran = true;
    };
    await expect(inOrganization(scope, { minimumRole: 'admin' }, work)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'organizations.forbidden',
    });
    await expect(inOrganization(scope, { permission: 'organization.update' }, work)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(inOrganization(scope, { minimumRole: 'member', lock: true }, work)).resolves.toBeUndefined();
    expect(ran).toBe(true);
    await expect(
      inOrganization(
        { userId: owner.id, organizationId: acme.id },
        { permission: 'organization.delete', minimumRole: 'owner' },
        async (_tx, actor) => actor.role,
      ),
    ).resolves.toBe('owner');
  });

  it('answers NOT_FOUND to a non-member, an unknown organization and a malformed id, without running the work', async () => {
    let ran = false;
    const work = async () => {
      ran = true;
    };
    for (const organizationId of [globex.id, crypto.randomUUID(), 'globex-sdk']) {
      const attempt = inOrganization({ userId: member.id, organizationId }, {}, work);
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(inOrganization({ userId: member.id, organizationId }, { lock: true }, work)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    expect(ran).toBe(false);
  });
});

describe('requireOrganization, for pages', () => {
  /** Renders "a page" for this visitor: what requireOrganization returns, or where Next.js would go instead. */
  async function render(visitor: Visitor, slug: string, requirement?: Parameters<typeof requireOrganization>[1]) {
    page.visitor = visitor;
    try {
      const access = await requireOrganization(slug, requirement);
      return { access };
    } catch (error) {
      const digest = String((error as { digest?: string }).digest ?? error);
      if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return { notFound: true };
      if (digest.startsWith('NEXT_REDIRECT')) return { redirect: digest.split(';')[2] };
      throw error;
    }
  }

  it('records the organization as the one the user works in, but not for the router’s prefetches', async () => {
    await rememberOrganization(admin.id, globex.id);
    const prefetching = Object.assign(Object.create(Object.getPrototypeOf(admin.visitor)) as Visitor, admin.visitor, {
      headers: () => admin.visitor.headers({ 'next-router-prefetch': '1' }),
    });
    await render(prefetching, acme.slug);
    expect((await rememberedOrganization(admin.id))?.id).toBe(globex.id);
    await render(admin.visitor, acme.slug);
    expect((await rememberedOrganization(admin.id))?.id).toBe(acme.id);
  });

  it('gives the user and their access for a slug in any case, even percent-encoded', async () => {
    const { access } = await render(admin.visitor, 'ACME%2DSDK');
    expect(access).toMatchObject({
      user: { id: admin.id },
      organization: { id: acme.id },
      membership: { role: 'admin' },
    });
  });

  it('shows the 404 page to non-members and below the requirement, and sends the signed-out to sign in', async () => {
    expect(await render(member.visitor, 'globex-sdk')).toEqual({ notFound: true });
    expect(await render(member.visitor, 'no-such-organization')).toEqual({ notFound: true });
    expect(await render(member.visitor, 'acme-sdk', { minimumRole: 'admin' })).toEqual({ notFound: true });
    expect(await render(member.visitor, 'acme-sdk', { permission: 'members.invite' })).toEqual({ notFound: true });
    expect(await render(admin.visitor, 'acme-sdk', { permission: 'members.invite' })).toMatchObject({
      access: { membership: { role: 'admin' } },
    });
    expect(await render(new Visitor(), 'acme-sdk')).toMatchObject({
      redirect: expect.stringMatching(/^\/auth\/sign-in/),
    });
  });
});
