import { randomUUID } from 'node:crypto';
import { test as base, expect, type BrowserContext } from '@playwright/test';
import { generateRandomString, hashPassword, makeSignature } from 'better-auth/crypto';
import { E2E_PASSWORD, queryDatabase, uniqueEmail, uniqueSlug } from './support';

/**
 * The people, organizations and sessions specs start from, written straight
 * into the database of the server under test (decision 0027). The specs about
 * signing up, confirming an address, magic links, password reset and OAuth go
 * through the pages and the mailbox; every other spec starts here, signed in.
 * Shared by tests/e2e and tests/security (the attacker's scenes).
 */

/** The build under test is a production build: its cookies carry the secure prefixes. */
export const SESSION_COOKIE = '__Secure-keel.session_token';

export interface Person {
  id: string;
  email: string;
  name: string;
  password: string;
}

export type Role = 'owner' | 'admin' | 'member';

export interface Organization {
  id: string;
  slug: string;
  name: string;
  /** Membership ids by user id. */
  memberIds: Record<string, string>;
}

/** Every person has the same password: hashed once per worker (better-auth's scrypt is slow on purpose). */
let passwordHash: Promise<string> | undefined;

/**
 * A person with a password and a confirmed address, onboarded (named) unless
 * `onboarded` is false. The password is hashed by better-auth's own function,
 * so the sign-in form accepts it.
 */
export async function createPerson(
  options: { name?: string; email?: string; onboarded?: boolean } = {},
): Promise<Person> {
  const id = randomUUID();
  const email = (options.email ?? uniqueEmail()).toLowerCase();
  const name = options.name ?? 'Ada Lovelace';
  passwordHash ??= hashPassword(E2E_PASSWORD);
  await queryDatabase(
    `with person as (insert into users (id, name, email, email_verified, onboarded_at) values ($1, $2, $3, true, $5) returning id)
     insert into accounts (id, account_id, provider_id, user_id, password) select $4, id, 'credential', id, $6 from person`,
    [id, name, email, randomUUID(), options.onboarded === false ? null : new Date(), await passwordHash],
  );
  return { id, email, name, password: E2E_PASSWORD };
}

/** An organization whose members are these people in these roles. */
export async function createOrganization(
  people: [{ id: string }, Role][],
  options: { name?: string; slug?: string } = {},
): Promise<Organization> {
  const slug = options.slug ?? uniqueSlug();
  const name = options.name ?? `Team ${slug}`;
  const [row] = await queryDatabase<{ id: string }>(
    `insert into organizations (name, slug) values ($1, $2) returning id`,
    [name, slug],
  );
  const memberIds: Record<string, string> = {};
  for (const [person, role] of people) memberIds[person.id] = await addMember(row!.id, person, role);
  return { id: row!.id, slug, name, memberIds };
}

/** Makes `person` a member of the organization in `role`; returns the membership's id. */
export async function addMember(organizationId: string, person: { id: string }, role: Role = 'member') {
  const [membership] = await queryDatabase<{ id: string }>(
    `insert into members (organization_id, user_id, role) values ($1, $2, $3) returning id`,
    [organizationId, person.id, role],
  );
  return membership!.id;
}

/**
 * A new session of `person`, made as better-auth makes one at sign-in: a row
 * with a random 32-character token, and a cookie holding that token signed
 * with APP_SECRET by better-auth's own signing function (HMAC-SHA256). The
 * value is the cookie's, URI-encoded as better-auth sends it.
 */
export async function sessionCookieValue(person: { id: string }): Promise<string> {
  // better-auth's generateId(32): letters and digits.
  const token = generateRandomString(32, 'a-z', 'A-Z', '0-9');
  await queryDatabase(
    `insert into sessions (id, token, user_id, expires_at) values ($1, $2, $3, now() + interval '1 day')`,
    [randomUUID(), token, person.id],
  );
  return encodeURIComponent(`${token}.${await makeSignature(token, appSecret())}`);
}

/** The same session as a browser cookie (Playwright's addCookies). */
export async function sessionCookie(person: { id: string }) {
  return {
    name: SESSION_COOKIE,
    value: await sessionCookieValue(person),
    domain: 'localhost',
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Lax' as const,
  };
}

/** Signs `context` in as `person` (a fresh session of theirs). */
export async function signIn(context: BrowserContext, person: { id: string }) {
  await context.addCookies([await sessionCookie(person)]);
}

/** The secret the build and server run with (scripts/e2e.ts passes it on): sessions are signed with it. */
function appSecret() {
  const secret = process.env.APP_SECRET;
  if (!secret)
    throw new Error('APP_SECRET is unset: run the suites with `npm run test:e2e` or `npm run test:security`.');
  return secret;
}

export interface Account extends Person {
  organization: Organization;
}

/** A person who owns an organization of their own (named after them), as onboarding leaves a new account. */
export async function createAccount(
  options: { name?: string; email?: string; organization?: { name?: string; slug?: string } } = {},
): Promise<Account> {
  const person = await createPerson(options);
  const organization = await createOrganization([[person, 'owner']], {
    name: `${person.name.split(' ')[0]}'s team`,
    ...options.organization,
  });
  return { ...person, organization };
}

/**
 * `test` with one more fixture: `account`, an onboarded owner of an
 * organization of their own, signed in on the test's `context` (and `page`).
 * Made on first use only, fresh for each test.
 */
export const test = base.extend<{ account: Account }>({
  // (Playwright's `use`, not React's: the hooks rule reads the name.)
  account: async ({ context }, provide) => {
    const account = await createAccount();
    await signIn(context, account);
    await provide(account);
  },
});

export { expect };
