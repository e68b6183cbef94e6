import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVerifiedUser } from '../../support/users';
import { Visitor } from '../../support/visitor';

/**
 * Walks the whole admin area so a new page, action or route cannot ship without the gate: every file under the
 * admin route folder, every server action of the admin feature. tests/e2e/admin.spec.ts requests each page of the
 * same folder as a signed-in user who is not a super admin and sees the 404.
 */

const ROUTE_FOLDER = 'src/app/(dynamic)/(admin)';
const FEATURE_SERVER = 'src/features/admin/server';

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

const PLANTED_ORGANIZATION = '00000000-0000-4000-8000-000000000000';

/** A well-formed input for each admin action (validation runs before the guard): a new action needs a line. */
const INPUTS: Record<string, (victimId: string) => Record<string, unknown>> = {
  banUserAction: (userId) => ({ userId, reason: 'Planted ban' }),
  unbanUserAction: (userId) => ({ userId }),
  signOutUserEverywhereAction: (userId) => ({ userId }),
  resendUserConfirmationAction: (userId) => ({ userId }),
  resetUserTwoFactorAction: (userId) => ({ userId }),
  deleteUserAction: (userId) => ({ userId, confirmation: 'someone@example.com' }),
  // An organization id that names none: the gate answers before anything is looked up.
  deleteOrganizationAction: () => ({ organizationId: PLANTED_ORGANIZATION, confirmation: 'planted' }),
  transferOrganizationAction: () => ({ organizationId: PLANTED_ORGANIZATION, memberId: PLANTED_ORGANIZATION }),
  grantPlanAction: () => ({
    organizationId: PLANTED_ORGANIZATION,
    productId: 'pro',
    until: new Date().toISOString().slice(0, 10),
    reason: 'Planted plan grant',
  }),
  // No event of the victim's: the gate answers before the ledger is read.
  redeliverWebhookEventAction: () => ({ eventId: '00000000-0000-4000-8000-000000000000' }),
  startReconciliationAction: () => ({}),
  startImpersonationAction: (userId) => ({ userId }),
  // Called in a session a super admin opened as the user: 404 in any other.
  stopImpersonationAction: () => ({}),
};

describe('every admin page, layout and route checks the gate itself', () => {
  it('pages and layouts call requireSuperAdmin(); route handlers guard with superAdmin', async () => {
    const files = (await filesUnder(ROUTE_FOLDER)).filter((file) => /\.(tsx?|mts)$/.test(file));
    const pages = files.filter((file) => /(page|layout)\.tsx$/.test(file));
    expect(pages.length).toBeGreaterThanOrEqual(6);
    const unguarded: string[] = [];
    for (const file of files) {
      const source = await readFile(file, 'utf8');
      const name = path.basename(file);
      if (/^(page|layout|default|template)\.tsx$/.test(name) && !/\brequireSuperAdmin\(\)/.test(source))
        unguarded.push(file);
      if (/^route\.ts$/.test(name) && !/guards:\s*\[[^\]]*superAdmin/.test(source)) unguarded.push(file);
    }
    expect(unguarded).toEqual([]);
  });
});

describe('every admin action refuses a user who is not a super admin', () => {
  it('answers 404 (even to a malformed call) and the signed-out 401, for each action the feature exports', async () => {
    const files = (await filesUnder(FEATURE_SERVER)).filter((file) => file.endsWith('.ts'));
    const actionFiles = [];
    for (const file of files) if ((await readFile(file, 'utf8')).startsWith("'use server'")) actionFiles.push(file);
    expect(actionFiles.length).toBeGreaterThan(0);

    const victim = await createVerifiedUser();
    const stranger = await createVerifiedUser();
    const seen: string[] = [];
    for (const file of actionFiles) {
      const exported = (await import(/* @vite-ignore */ path.resolve(file))) as Record<
        string,
        { definition?: unknown }
      >;
      for (const [name, value] of Object.entries(exported)) {
        if (!value?.definition) continue;
        const action = value as { definition: unknown };
        seen.push(name);
        const input = INPUTS[name];
        expect(input, `add a well-formed input for ${name} to INPUTS`).toBeDefined();
        expect(await stranger.visitor.run(action, input!(victim.id)), name).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND', status: 404 },
        });
        // A malformed call learns nothing either: the gate answers before the input is read (guardsFirst).
        expect(await stranger.visitor.run(action, {}), `${name} with no input`).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND', status: 404 },
        });
        expect(await new Visitor().run(action, input!(victim.id)), name).toMatchObject({
          ok: false,
          error: { status: 401 },
        });
      }
    }
    expect(seen.sort()).toEqual(Object.keys(INPUTS).sort());
  });
});
