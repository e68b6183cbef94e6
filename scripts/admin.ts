/**
 * Super admins, granted on the server only (docs/admin/super-admin.md):
 *   npm run admin:grant -- <email>     make the account with this address a super admin
 *   npm run admin:revoke -- <email>    take it away
 * Each change is recorded in the audit log with the command line as its actor. The account must exist (sign up
 * first). SUPER_ADMIN_EMAILS is the other way; revoking does not override it.
 */
import { exitWithFriendlyError, prepareLocalEnvironment } from './lib/local-environment';
import { allowServerOnlyImports } from './lib/server-modules';

const [command, email] = process.argv.slice(2);

const MESSAGES = {
  granted: (address: string) =>
    `${address} is now a super admin (two-factor authentication is needed to enter /admin).`,
  already: (address: string) => `${address} was already a super admin: nothing changed.`,
  revoked: (address: string) => `${address} is no longer a super admin.`,
  absent: (address: string) => `${address} was not a super admin granted here: nothing changed.`,
  'no-such-user': (address: string) => `No account has the address ${address}. Sign up with it first.`,
};

async function main() {
  if ((command !== 'grant' && command !== 'revoke') || !email) {
    console.error('Usage: npm run admin:grant -- <email>  |  npm run admin:revoke -- <email>');
    process.exitCode = 2;
    return;
  }
  // The database of DATABASE_URL, or the embedded one a running `npm run dev` / `npm start` shares.
  const environment = await prepareLocalEnvironment({ dev: process.env.NODE_ENV !== 'production' });
  allowServerOnlyImports();
  const { grantSuperAdmin, listedInEnvironment, revokeSuperAdmin } = await import('../src/features/admin/server');
  const { closeDatabase } = await import('../src/platform/db/client');
  try {
    const outcome = command === 'grant' ? await grantSuperAdmin(email) : await revokeSuperAdmin(email);
    console.log(`[admin:${command}] ${MESSAGES[outcome](email)}`);
    if (command === 'revoke' && listedInEnvironment(email))
      console.log(`[admin:revoke] SUPER_ADMIN_EMAILS still names ${email}: remove it there too.`);
    process.exitCode = outcome === 'no-such-user' ? 1 : 0;
  } finally {
    await closeDatabase();
    await environment.stop();
  }
}

main().catch(exitWithFriendlyError);
