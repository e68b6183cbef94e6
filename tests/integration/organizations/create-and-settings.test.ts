import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganizationAction, updateOrganizationAction } from '@/features/organizations/server/actions';
import { findAccess, rememberedOrganization } from '@/features/organizations/server';
import { members, organizations } from '@/features/organizations/server/schema';
import { db } from '@/platform/db/client';
import { executeAction } from '@/platform/http/action';
import {
  expectFieldRefusal,
  expectRefusal,
  makeOrganization,
  organizationState,
  refusalOf,
  uniqueSlug,
} from '../../support/organizations';
import { errorText } from '../../support/messages';
import { createVerifiedUser, type TestUser } from '../../support/users';
import { Visitor } from '../../support/visitor';

/** Organizations whose slug is `slug` in any case. */
async function organizationsWithSlug(slug: string) {
  return db
    .select()
    .from(organizations)
    .where(sql`lower(${organizations.slug}) = lower(${slug})`);
}

async function membershipsOf(userId: string) {
  return db.select().from(members).where(eq(members.userId, userId));
}

// Creating is limited to 10 per hour per client address: the creations below are spread over these users' visitors.
let owner: TestUser;
let spanish: TestUser;
let admin: TestUser;
let member: TestUser;

beforeAll(async () => {
  [owner, spanish, admin, member] = await Promise.all([
    createVerifiedUser({ name: 'Olivia Owner' }),
    createVerifiedUser({ name: 'Sofía Española', locale: 'es' }),
    createVerifiedUser({ name: 'Adam Admin' }),
    createVerifiedUser({ name: 'Mia Member' }),
  ]);
});

describe('creating an organization', () => {
  it('makes the creator its owner, remembers it and opens its dashboard', async () => {
    const slug = uniqueSlug('acme');
    const outcome = await owner.visitor.run(createOrganizationAction, {
      name: '  Acme, Inc.  ',
      slug: slug.toUpperCase(),
    });
    expect(outcome).toEqual({ redirect: `/dashboard/${slug}` });
    const [row] = await organizationsWithSlug(slug);
    expect(row).toMatchObject({ name: 'Acme, Inc.', slug });
    expect(await membershipsOf(owner.id)).toEqual([
      expect.objectContaining({ organizationId: row!.id, role: 'owner' }),
    ]);
    expect((await rememberedOrganization(owner.id))?.id).toBe(row!.id);
  });

  it('goes on to inviting people when the form asks for it (onboarding)', async () => {
    const slug = uniqueSlug('invite-next');
    const outcome = await admin.visitor.run(createOrganizationAction, { name: 'Next Co', slug, next: 'invite' });
    expect(outcome).toEqual({ redirect: `/onboarding/invite?organization=${slug}` });
  });

  it('accepts slugs of 3 and of 48 characters', async () => {
    const short = `a${randomDigits(2)}`;
    const long = `b${randomDigits(47)}`;
    expect(await member.visitor.run(createOrganizationAction, { name: 'Short', slug: short })).toEqual({
      redirect: `/dashboard/${short}`,
    });
    expect(await member.visitor.run(createOrganizationAction, { name: 'Long', slug: long })).toEqual({
      redirect: `/dashboard/${long}`,
    });
  });

  it.each([
    ['a space', 'acme inc', 'validation.slug'],
    ['a double dash', 'acme--inc', 'validation.slug'],
    ['a leading dash', '-acme', 'validation.slug'],
    ['a trailing dash', 'acme-', 'validation.slug'],
    ['an underscore', 'acme_inc', 'validation.slug'],
    ['an accent', 'ácme', 'validation.slug'],
    ['a slash', 'acme/inc', 'validation.slug'],
  ])('refuses a slug with %s, naming the slug field', async (_what, slug, key) => {
    const outcome = await owner.visitor.run(createOrganizationAction, { name: 'Bad', slug });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', status: 400, fieldErrors: { slug: [errorText('en', key)] } },
    });
    expect(await organizationsWithSlug(slug)).toEqual([]);
  });

  it('refuses slugs that are too short or too long, saying the limit', async () => {
    const tooShort = await owner.visitor.run(createOrganizationAction, { name: 'Bad', slug: 'ab' });
    expectFieldRefusal(tooShort, 'VALIDATION_FAILED', 'slug', { key: 'validation.tooShort', values: { minimum: 3 } });
    const tooLong = await spanish.visitor.run(createOrganizationAction, { name: 'Bad', slug: 'c'.repeat(49) });
    expectFieldRefusal(tooLong, 'VALIDATION_FAILED', 'slug', {
      key: 'validation.tooLong',
      values: { maximum: 48 },
      locale: 'es',
    });
    expect(await organizationsWithSlug('ab')).toEqual([]);
    expect(await organizationsWithSlug('c'.repeat(49))).toEqual([]);
  });

  it('refuses reserved slugs whatever their case, on the slug field', async () => {
    const before = await membershipsOf(owner.id);
    for (const slug of ['admin', 'Dashboard']) {
      const outcome = await owner.visitor.run(createOrganizationAction, { name: 'Reserved', slug });
      expectRefusal(outcome, 'VALIDATION_FAILED', { key: 'VALIDATION_FAILED' });
      expectFieldRefusal(outcome, 'VALIDATION_FAILED', 'slug', { key: 'organizations.slugReserved' });
      expect(await organizationsWithSlug(slug)).toEqual([]);
    }
    expect(await membershipsOf(owner.id)).toEqual(before);
  });

  it('refuses a slug taken in another case with 409 on the slug field (“Acme” vs “acme”), in the user’s language', async () => {
    const slug = uniqueSlug('acme');
    const taken = await makeOrganization([[owner, 'owner']], { slug: `Acme${slug.slice(4)}` });
    expect(taken.slug).toBe(`Acme${slug.slice(4)}`);

    const outcome = await spanish.visitor.run(createOrganizationAction, { name: 'Acme again', slug });
    expectRefusal(outcome, 'CONFLICT', { key: 'organizations.slugTaken', locale: 'es' });
    expectFieldRefusal(outcome, 'CONFLICT', 'slug', { key: 'organizations.slugTaken', locale: 'es' });
    expect(outcome).toMatchObject({ error: { status: 409 } });
    expect((await organizationsWithSlug(slug)).map((row) => row.id)).toEqual([taken.id]);
    expect(await membershipsOf(spanish.id)).toEqual([]);

    // And a slug first created through the action in lower case is taken for upper case too.
    const second = uniqueSlug('globex');
    expect(await admin.visitor.run(createOrganizationAction, { name: 'Globex', slug: second })).toEqual({
      redirect: `/dashboard/${second}`,
    });
    const upper = await member.visitor.run(createOrganizationAction, { name: 'Globex', slug: second.toUpperCase() });
    expectFieldRefusal(upper, 'CONFLICT', 'slug', { key: 'organizations.slugTaken' });
    expect(await organizationsWithSlug(second)).toHaveLength(1);
  });

  it('answers 401 to a signed-out visitor and creates nothing', async () => {
    const slug = uniqueSlug('anonymous');
    const outcome = await new Visitor().run(createOrganizationAction, { name: 'Anonymous', slug });
    expectRefusal(outcome, 'UNAUTHENTICATED', { key: 'UNAUTHENTICATED' });
    expect(outcome).toMatchObject({ error: { status: 401 } });
    expect(await organizationsWithSlug(slug)).toEqual([]);
  });

  it('answers 403 to a post without its CSRF token, or with another visitor’s, and creates nothing', async () => {
    const slug = uniqueSlug('forged');
    const request = {
      headers: owner.visitor.headers(),
      cookies: { get: (name: string) => owner.visitor.cookies.get(name) },
    };
    const missing = await executeAction(createOrganizationAction.definition, { name: 'Forged', slug }, request);
    expectRefusal(missing, 'CSRF_TOKEN_INVALID', { key: 'CSRF_TOKEN_INVALID' });
    expect(missing).toMatchObject({ error: { status: 403 } });
    const foreign = await executeAction(
      createOrganizationAction.definition,
      { name: 'Forged', slug, csrf_token: new Visitor().csrfToken() },
      request,
    );
    expectRefusal(foreign, 'CSRF_TOKEN_INVALID', { key: 'CSRF_TOKEN_INVALID' });
    expect(await organizationsWithSlug(slug)).toEqual([]);
  });
});

describe('organization settings (name and slug)', () => {
  async function team() {
    return makeOrganization([
      [owner, 'owner'],
      [admin, 'admin'],
      [member, 'member'],
    ]);
  }

  it('lets an admin rename the organization and change its slug', async () => {
    const organization = await team();
    const slug = uniqueSlug('renamed');
    const outcome = await admin.visitor.run(updateOrganizationAction, {
      organizationId: organization.id,
      name: ' Renamed ',
      slug: slug.toUpperCase(),
    });
    expect(outcome).toEqual({ ok: true, data: { name: 'Renamed', slug } });
    expect((await organizationState(organization.id)).organization).toMatchObject({ name: 'Renamed', slug });
    expect((await findAccess(owner.id, { slug }))?.organization.id).toBe(organization.id);
  });

  it('lets the owner keep the slug and change only the name', async () => {
    const organization = await team();
    const outcome = await owner.visitor.run(updateOrganizationAction, {
      organizationId: organization.id,
      name: 'Same slug',
      slug: organization.slug,
    });
    expect(outcome).toEqual({ ok: true, data: { name: 'Same slug', slug: organization.slug } });
  });

  it('refuses a member with 403 and changes nothing', async () => {
    const organization = await team();
    const before = await organizationState(organization.id);
    const outcome = await member.visitor.run(updateOrganizationAction, {
      organizationId: organization.id,
      name: 'Hijacked',
      slug: uniqueSlug(),
    });
    expectRefusal(outcome, 'FORBIDDEN', { key: 'organizations.forbidden' });
    expect(outcome).toMatchObject({ error: { status: 403 } });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('answers a non-member 404, exactly as for an organization that does not exist', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    const before = await organizationState(organization.id);
    const notMine = await member.visitor.run(updateOrganizationAction, {
      organizationId: organization.id,
      name: 'Hijacked',
      slug: uniqueSlug(),
    });
    const missing = await member.visitor.run(updateOrganizationAction, {
      organizationId: crypto.randomUUID(),
      name: 'Hijacked',
      slug: uniqueSlug(),
    });
    expectRefusal(notMine, 'NOT_FOUND', { key: 'NOT_FOUND' });
    expect(notMine).toMatchObject({ error: { status: 404 } });
    expect(refusalOf(missing)).toEqual(refusalOf(notMine));
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('refuses a slug another organization has (in any case) with 409 on the slug field, in Spanish for a Spanish admin', async () => {
    const other = await makeOrganization([[member, 'owner']]);
    const organization = await makeOrganization([
      [owner, 'owner'],
      [spanish, 'admin'],
    ]);
    const before = await organizationState(organization.id);
    const outcome = await spanish.visitor.run(updateOrganizationAction, {
      organizationId: organization.id,
      name: 'Taken',
      slug: other.slug.toUpperCase(),
    });
    expectRefusal(outcome, 'CONFLICT', { key: 'organizations.slugTaken', locale: 'es' });
    expectFieldRefusal(outcome, 'CONFLICT', 'slug', { key: 'organizations.slugTaken', locale: 'es' });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('refuses a reserved slug on the slug field and changes nothing', async () => {
    const organization = await team();
    const before = await organizationState(organization.id);
    const outcome = await owner.visitor.run(updateOrganizationAction, {
      organizationId: organization.id,
      name: 'Reserved',
      slug: 'settings',
    });
    expectFieldRefusal(outcome, 'VALIDATION_FAILED', 'slug', { key: 'organizations.slugReserved' });
    expect(await organizationState(organization.id)).toEqual(before);
  });
});

function randomDigits(length: number) {
  return Array.from({ length }, () => Math.floor(Math.random() * 10)).join('');
}
