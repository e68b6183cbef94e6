import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql, TransactionRollbackError } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { completeOnboarding, deleteAccount, saveProfile } from '@/features/auth/server';
import { users } from '@/features/auth/server/schema';
import { sendContactRequest } from '@/features/contact/server';
import { contactRequests } from '@/features/contact/server/schema';
import {
  createOrganizationAction,
  deleteOrganizationAction,
  updateOrganizationAction,
} from '@/features/organizations/server';
import { organizations } from '@/features/organizations/server/schema';
import { createTaskAction, updateTaskAction } from '@/features/tasks/server';
import { tasks } from '@/features/tasks/server/schema';
import type { Locale } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import {
  expectFieldRefusal,
  makeOrganization,
  organizationState,
  uniqueSlug,
  type TestOrganization,
} from '../support/organizations';
import { createVerifiedUser, type TestUser } from '../support/users';
import { Visitor, uniqueEmail } from '../support/visitor';

/**
 * One-line text refuses control characters everywhere (singleLineText in
 * src/platform/http/text-fields.ts), through the real actions, in the
 * user's language; the database refuses them too (drizzle/0010_single_line_text.sql).
 */

// Next.js provides the cache outside tests; the task actions ask it to refresh pages.
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const EVIL = 'Evil\r\nBcc: x@y';

let english: TestUser;
let spanish: TestUser;
const organizationOf = new Map<string, TestOrganization>();
const taskOf = new Map<string, string>();

beforeAll(async () => {
  [english, spanish] = await Promise.all([
    createVerifiedUser({ name: 'Ada English' }),
    createVerifiedUser({ name: 'Ana Española', locale: 'es' }),
  ]);
  for (const user of [english, spanish]) {
    const organization = await makeOrganization([[user, 'owner']], { name: 'Acme' });
    organizationOf.set(user.id, organization);
    const [task] = await db
      .insert(tasks)
      .values({ organizationId: organization.id, title: 'A task', createdById: user.id })
      .returning({ id: tasks.id });
    taskOf.set(user.id, task!.id);
  }
});

const localeOf = (user: TestUser): Locale => (user === spanish ? 'es' : 'en');

/** Every one-line field a person types, with the action that receives it and the rest of a valid input. */
const singleLineFields: {
  name: string;
  field: string;
  run: (user: TestUser, value: string) => ReturnType<Visitor['run']>;
}[] = [
  { name: 'profile name', field: 'name', run: (user, value) => user.visitor.run(saveProfile, { name: value }) },
  {
    name: 'onboarding name',
    field: 'name',
    run: (user, value) => user.visitor.run(completeOnboarding, { name: value }),
  },
  {
    name: 'new organization name',
    field: 'name',
    run: (user, value) => user.visitor.run(createOrganizationAction, { name: value, slug: uniqueSlug() }),
  },
  {
    name: 'organization name in settings',
    field: 'name',
    run: (user, value) =>
      user.visitor.run(updateOrganizationAction, {
        organizationId: organizationOf.get(user.id)!.id,
        name: value,
        slug: organizationOf.get(user.id)!.slug,
      }),
  },
  {
    name: 'organization deletion confirmation',
    field: 'confirmation',
    run: (user, value) =>
      user.visitor.run(deleteOrganizationAction, {
        organizationId: organizationOf.get(user.id)!.id,
        confirmation: value,
        password: 'whatever',
      }),
  },
  {
    name: 'account deletion confirmation',
    field: 'confirmation',
    run: (user, value) => user.visitor.run(deleteAccount, { confirmation: value, password: 'whatever' }),
  },
  {
    name: 'new task title',
    field: 'title',
    run: (user, value) =>
      user.visitor.run(createTaskAction, { organizationId: organizationOf.get(user.id)!.id, title: value }),
  },
  {
    name: 'task title when editing',
    field: 'title',
    run: (user, value) =>
      user.visitor.run(updateTaskAction, {
        organizationId: organizationOf.get(user.id)!.id,
        taskId: taskOf.get(user.id)!,
        title: value,
      }),
  },
  {
    name: 'contact form name',
    field: 'name',
    run: (user, value) =>
      new Visitor({ locale: localeOf(user) }).run(sendContactRequest, {
        name: value,
        email: uniqueEmail('contact'),
        message: 'A question about pricing.',
      }),
  },
];

async function everythingStored() {
  return {
    users: await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(sql`${users.id} in (${english.id}, ${spanish.id})`),
    organizations: await Promise.all(
      [english, spanish].map((user) => organizationState(organizationOf.get(user.id)!.id)),
    ),
    tasks: await db.select({ id: tasks.id, title: tasks.title, description: tasks.description }).from(tasks),
    contact: await db.select({ id: contactRequests.id }).from(contactRequests),
  };
}

describe('one-line fields', () => {
  for (const { name, field, run } of singleLineFields) {
    it(`refuse a line break on ${name} (${field}), with the field error in English and Spanish`, async () => {
      const before = await everythingStored();
      for (const user of [english, spanish]) {
        expectFieldRefusal(await run(user, EVIL), 'VALIDATION_FAILED', field, {
          key: 'validation.singleLine',
          locale: localeOf(user),
        });
      }
      expect(await everythingStored()).toEqual(before);
    });
  }

  it('refuse every other invisible control: TAB, DEL, C1, line and paragraph separators, bidi overrides and isolates', async () => {
    for (const character of ['\t', '\u007f', '\u0085', '\u2028', '\u2029', '\u202e', '\u2066', '\u2069', '\u0000']) {
      const outcome = await english.visitor.run(saveProfile, { name: `Ada${character}Lovelace` });
      expectFieldRefusal(outcome, 'VALIDATION_FAILED', 'name', { key: 'validation.singleLine' });
    }
    // Letters of every script, emoji and the zero-width joiner inside them are not controls.
    expect(await english.visitor.run(saveProfile, { name: 'Zoë 李 👩‍💻 Ōtsuka' })).toEqual({
      ok: true,
      data: { name: 'Zoë 李 👩‍💻 Ōtsuka' },
    });
  });

  it('are shown the message the user reads', async () => {
    expect(await spanish.visitor.run(saveProfile, { name: EVIL })).toMatchObject({
      error: {
        fieldErrors: {
          name: ['Escríbelo en una sola línea, sin saltos de línea, tabuladores ni caracteres de control invisibles.'],
        },
      },
    });
  });
});

describe('multi-line fields', () => {
  it('keep line breaks (CR LF from a browser stored as LF) and refuse the other controls, in English and Spanish', async () => {
    for (const user of [english, spanish]) {
      const organizationId = organizationOf.get(user.id)!.id;
      const created = await user.visitor.run(createTaskAction, {
        organizationId,
        title: 'Two lines',
        description: 'First line\r\nSecond line',
      });
      expect(created).toMatchObject({ redirect: expect.stringContaining('/tasks/') });
      for (const description of ['Tab\there', 'Hidden \u202egnp.exe', 'Old Mac\u2028separator']) {
        const refused = await user.visitor.run(createTaskAction, { organizationId, title: 'Refused', description });
        expectFieldRefusal(refused, 'VALIDATION_FAILED', 'description', {
          key: 'validation.controlCharacters',
          locale: localeOf(user),
        });
      }
      const message = await new Visitor({ locale: localeOf(user) }).run(sendContactRequest, {
        name: 'Grace',
        email: uniqueEmail('contact'),
        message: 'Hello\u0007 there, a question',
      });
      expectFieldRefusal(message, 'VALIDATION_FAILED', 'message', {
        key: 'validation.controlCharacters',
        locale: localeOf(user),
      });
    }
    const stored = await db.select({ description: tasks.description }).from(tasks).where(eq(tasks.title, 'Two lines'));
    expect(stored.map((row) => row.description)).toEqual(['First line\nSecond line', 'First line\nSecond line']);
    expect(await db.select().from(tasks).where(eq(tasks.title, 'Refused'))).toEqual([]);
  });
});

describe('the database', () => {
  async function refusal(write: Promise<unknown>) {
    const error = await write.then(
      () => null,
      (thrown: unknown) => thrown as { cause?: { code?: string; constraint?: string } },
    );
    return error?.cause ?? error;
  }

  it('refuses a raw write of a line break into a one-line column, and of other controls into a multi-line one', async () => {
    const organization = organizationOf.get(english.id)!;
    expect(await refusal(db.insert(organizations).values({ name: EVIL, slug: uniqueSlug() }))).toMatchObject({
      code: '23514',
      constraint: 'organizations_name_single_line',
    });
    expect(await refusal(db.update(users).set({ name: EVIL }).where(eq(users.id, english.id)))).toMatchObject({
      code: '23514',
      constraint: 'users_name_single_line',
    });
    expect(await refusal(db.insert(tasks).values({ organizationId: organization.id, title: EVIL }))).toMatchObject({
      code: '23514',
      constraint: 'tasks_title_single_line',
    });
    expect(
      await refusal(
        db.insert(tasks).values({ organizationId: organization.id, title: 'Fine', description: 'bidi \u202e' }),
      ),
    ).toMatchObject({
      code: '23514',
      constraint: 'tasks_description_multi_line',
    });
    expect(
      await refusal(
        db.insert(contactRequests).values({ name: 'Ok\u2028', email: 'a@example.com', message: 'fine', locale: 'en' }),
      ),
    ).toMatchObject({ code: '23514', constraint: 'contact_requests_name_single_line' });
    // A line feed is fine in a multi-line column.
    expect(
      await refusal(
        db.insert(tasks).values({ organizationId: organization.id, title: 'Fine', description: 'one\ntwo' }),
      ),
    ).toBeNull();
  });

  it('migration 0010 cleans rows written before it instead of failing on them', async () => {
    const migration = readFileSync(path.join(process.cwd(), 'drizzle/0010_single_line_text.sql'), 'utf8');
    const statements = migration
      .split('--> statement-breakpoint')
      .map((statement) => statement.trim())
      .filter(Boolean);
    const organization = organizationOf.get(english.id)!;
    // Played in a transaction that is rolled back: the database as it was before 0010, with such rows in it.
    let cleaned: unknown;
    await db
      .transaction(async (tx) => {
        for (const [table, constraint] of [
          ['users', 'users_name_single_line'],
          ['organizations', 'organizations_name_single_line'],
          ['tasks', 'tasks_title_single_line'],
          ['tasks', 'tasks_description_multi_line'],
          ['contact_requests', 'contact_requests_name_single_line'],
          ['contact_requests', 'contact_requests_message_multi_line'],
        ]) {
          await tx.execute(sql.raw(`ALTER TABLE ${table} DROP CONSTRAINT ${constraint}`));
        }
        await tx.execute(sql`DROP FUNCTION keel_is_single_line(text)`);
        await tx.execute(sql`DROP FUNCTION keel_is_multi_line(text)`);
        const [badOrganization] = await tx
          .insert(organizations)
          .values({ name: '\u202eEvil\r\nBcc: x@y ', slug: uniqueSlug('old') })
          .returning({ id: organizations.id });
        const [onlyControls] = await tx
          .insert(organizations)
          .values({ name: '\r\n', slug: uniqueSlug('blank') })
          .returning({ id: organizations.id, slug: organizations.slug });
        const [badTask] = await tx
          .insert(tasks)
          .values({
            organizationId: organization.id,
            title: 'Title\twith tab',
            description: 'Line\r\nnext\tcolumn\u2029end',
          })
          .returning({ id: tasks.id });
        await tx.update(users).set({ name: 'Ada\nLovelace' }).where(eq(users.id, english.id));

        for (const statement of statements) await tx.execute(sql.raw(statement));

        cleaned = {
          organization: (
            await tx
              .select({ name: organizations.name })
              .from(organizations)
              .where(eq(organizations.id, badOrganization!.id))
          )[0]!.name,
          blank: (
            await tx
              .select({ name: organizations.name })
              .from(organizations)
              .where(eq(organizations.id, onlyControls!.id))
          )[0]!.name,
          blankSlug: onlyControls!.slug,
          task: (
            await tx
              .select({ title: tasks.title, description: tasks.description })
              .from(tasks)
              .where(eq(tasks.id, badTask!.id))
          )[0],
          user: (await tx.select({ name: users.name }).from(users).where(eq(users.id, english.id)))[0]!.name,
        };
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    expect(cleaned).toEqual({
      organization: 'Evil Bcc: x@y',
      blank: expect.stringMatching(/^blank-/),
      blankSlug: expect.stringMatching(/^blank-/),
      task: { title: 'Title with tab', description: 'Line\nnext column end' },
      user: 'Ada Lovelace',
    });
    const { blank, blankSlug } = cleaned as { blank: string; blankSlug: string };
    expect(blank).toBe(blankSlug);
    // Rolled back: the constraints are there again.
    expect(await refusal(db.update(users).set({ name: EVIL }).where(eq(users.id, english.id)))).toMatchObject({
      constraint: 'users_name_single_line',
    });
  });
});
