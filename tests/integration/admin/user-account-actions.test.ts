import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deleteUserAction, resendUserConfirmationAction, resetUserTwoFactorAction } from '@/features/admin/server';
import type { AuditAction } from '@/features/audit';
import { auditEvents } from '@/features/audit/server/schema';
import { getSessionFromHeaders, signIn } from '@/features/auth/server';
import { sessions, twoFactors, users } from '@/features/auth/server/schema';
import { organizations } from '@/features/organizations/server/schema';
import { db } from '@/platform/db/client';
import { makeAdmin } from '../../support/admin';
import { errorText, subjectOf } from '../../support/messages';
import { insertUser, makeOrganization } from '../../support/organizations';
import { createVerifiedUser, enableAuthenticator } from '../../support/users';
import { lastEmailTo, Visitor } from '../../support/visitor';

async function auditRows(action: AuditAction, targetId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)));
}

async function userRow(id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/** The admin's session began `minutes` ago. */
async function signedInMinutesAgo(admin: { visitor: Visitor }, minutes: number) {
  const { session } = (await getSessionFromHeaders(admin.visitor.headers()))!;
  await db
    .update(sessions)
    .set({ createdAt: new Date(Date.now() - minutes * 60 * 1000) })
    .where(eq(sessions.id, session.id));
}

// Each refuses anyone but a super admin with 404: admin-gate-walk.test.ts walks every admin action.
describe("the admin area's actions on an account", () => {
  it('send the confirmation link again to an unconfirmed address, and refuse a confirmed one', async () => {
    const admin = await makeAdmin();
    const pending = await insertUser({ emailVerified: false });
    expect(await admin.visitor.run(resendUserConfirmationAction, { userId: pending.id })).toEqual({
      ok: true,
      data: { userId: pending.id },
    });
    const email = await lastEmailTo(pending.email);
    expect(email?.subject).toBe(subjectOf('verifyEmail'));
    expect(email?.link).toContain('/auth/confirm-email?token=');
    expect(await auditRows('admin.confirmationResent', pending.id)).toEqual([
      expect.objectContaining({ actorUserId: admin.id, targetType: 'user' }),
    ]);

    const confirmed = await insertUser();
    expect(await admin.visitor.run(resendUserConfirmationAction, { userId: confirmed.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: errorText('en', 'admin.alreadyConfirmed') },
    });
    expect(await lastEmailTo(confirmed.email)).toBeNull();
  });

  it('turn two-factor authentication off for a user who lost it, telling them in their language', async () => {
    const admin = await makeAdmin();
    const victim = await createVerifiedUser();
    await db.update(users).set({ locale: 'es' }).where(eq(users.id, victim.id));
    await enableAuthenticator(victim);

    expect(await admin.visitor.run(resetUserTwoFactorAction, { userId: victim.id })).toEqual({
      ok: true,
      data: { userId: victim.id },
    });
    expect(await userRow(victim.id)).toMatchObject({ twoFactorEnabled: false });
    expect(await db.select().from(twoFactors).where(eq(twoFactors.userId, victim.id))).toEqual([]);
    expect((await lastEmailTo(victim.email))?.subject).toBe(subjectOf('twoFactorReset', 'es'));
    expect(await auditRows('admin.twoFactorReset', victim.id)).toEqual([
      expect.objectContaining({ actorUserId: admin.id }),
    ]);
    // The password alone signs in again.
    expect(await new Visitor().run(signIn, { email: victim.email, password: victim.password })).toEqual({
      redirect: '/dashboard',
    });

    expect(await admin.visitor.run(resetUserTwoFactorAction, { userId: victim.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: errorText('en', 'admin.twoFactorNotOn') },
    });
  });

  it('refuse turning off two-factor or deleting for oneself or another super admin', async () => {
    const admin = await makeAdmin();
    const other = await makeAdmin();
    for (const [action, input] of [
      [resetUserTwoFactorAction, (id: string) => ({ userId: id })],
      [deleteUserAction, (id: string) => ({ userId: id, confirmation: id === admin.id ? admin.email : other.email })],
    ] as const) {
      expect(await admin.visitor.run(action, input(admin.id))).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: errorText('en', 'admin.notOnYourself') },
      });
      expect(await admin.visitor.run(action, input(other.id))).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: errorText('en', 'admin.notOnSuperAdmin') },
      });
    }
    expect(await userRow(other.id)).toMatchObject({ twoFactorEnabled: true });
  });

  it('need a sign-in within the last 30 minutes to turn off two-factor or delete', async () => {
    const admin = await makeAdmin();
    const victim = await createVerifiedUser();
    await enableAuthenticator(victim);
    await signedInMinutesAgo(admin, 31);
    for (const [action, input] of [
      [resetUserTwoFactorAction, { userId: victim.id }],
      [deleteUserAction, { userId: victim.id, confirmation: victim.email }],
    ] as const) {
      expect(await admin.visitor.run(action, input)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: errorText('en', 'admin.signInAgain') },
      });
    }
    expect(await userRow(victim.id)).toMatchObject({ twoFactorEnabled: true });
  });

  it('delete an account with the rules of self-deletion, audited with its address', async () => {
    const admin = await makeAdmin();
    const victim = await createVerifiedUser();
    const colleague = await insertUser();
    const shared = await makeOrganization([
      [victim, 'owner'],
      [colleague, 'member'],
    ]);
    const solo = await makeOrganization([[victim, 'owner']]);

    expect(await admin.visitor.run(deleteUserAction, { userId: victim.id, confirmation: 'someone@else.test' })).toEqual(
      {
        ok: false,
        error: expect.objectContaining({
          code: 'VALIDATION_FAILED',
          fieldErrors: { confirmation: [errorText('en', 'admin.deleteConfirmation')] },
        }),
      },
    );
    // The only owner of an organization with other members: refused, in words for the operator.
    expect(await admin.visitor.run(deleteUserAction, { userId: victim.id, confirmation: victim.email })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: errorText('en', 'admin.soleOwner') },
    });
    expect(await userRow(victim.id)).not.toBeNull();

    await db.delete(organizations).where(eq(organizations.id, shared.id));
    expect(
      await admin.visitor.run(deleteUserAction, { userId: victim.id, confirmation: victim.email.toUpperCase() }),
    ).toEqual({ ok: true, data: { userId: victim.id } });
    expect(await userRow(victim.id)).toBeNull();
    expect(await getSessionFromHeaders(victim.visitor.headers())).toBeNull();
    // Its solo organization went with it (the organizations feature's deletion hook).
    expect(await db.select().from(organizations).where(eq(organizations.id, solo.id))).toEqual([]);
    expect(await auditRows('admin.userDeleted', victim.id)).toEqual([
      expect.objectContaining({ actorUserId: admin.id, details: { email: victim.email } }),
    ]);
  });
});
