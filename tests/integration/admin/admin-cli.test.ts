import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '@/features/audit/server/schema';
import { superAdmins } from '@/features/admin/server/schema';
import { db } from '@/platform/db/client';
import { createPasswordUser } from '../../support/users';

const run = promisify(execFile);

/** `npm run admin:grant|revoke -- <email>` as an operator types it, against this test's database. */
async function adminCommand(command: 'grant' | 'revoke', email: string) {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', command, email], {
      env: { ...process.env, NODE_ENV: 'development' },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout + failed.stderr };
  }
}

describe('npm run admin:grant / admin:revoke', () => {
  it('grants and revokes super admin by address, each audited with the command line as actor', async () => {
    const user = await createPasswordUser();
    const granted = await adminCommand('grant', user.email);
    expect(granted).toMatchObject({ code: 0, stdout: expect.stringContaining('is now a super admin') });
    expect(await db.select().from(superAdmins).where(eq(superAdmins.userId, user.id))).toHaveLength(1);

    const revoked = await adminCommand('revoke', user.email);
    expect(revoked).toMatchObject({ code: 0, stdout: expect.stringContaining('no longer a super admin') });
    expect(await db.select().from(superAdmins).where(eq(superAdmins.userId, user.id))).toEqual([]);

    const rows = await db
      .select({ action: auditEvents.action, actor: auditEvents.actorUserId, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, 'user'), eq(auditEvents.targetId, user.id)))
      .orderBy(auditEvents.occurredAt);
    expect(rows).toEqual([
      { action: 'admin.granted', actor: null, details: { via: 'cli' } },
      { action: 'admin.revoked', actor: null, details: { via: 'cli' } },
    ]);
  }, 120_000);

  it('says so, and fails, for an address with no account', async () => {
    const outcome = await adminCommand('grant', 'nobody-at-all@example.com');
    expect(outcome).toMatchObject({ code: 1, stdout: expect.stringContaining('No account has the address') });
  }, 120_000);
});
