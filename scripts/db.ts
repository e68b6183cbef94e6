/**
 * Database commands:
 *   npm run db:migrate          apply pending migrations
 *   npm run db:seed             add demo data (safe to run again)
 *   npm run db:seed -- --scale large
 *                               and the large world: 1,000 organizations, 1,000,000 tasks (npm run bench)
 *   npm run db:reset [-- --yes] drop everything, migrate, seed
 *
 * They use DATABASE_URL when it is set, otherwise the embedded PostgreSQL
 * (shared with a running `npm run dev`, or started just for the command).
 */
import { createInterface } from 'node:readline/promises';
import pg from 'pg';
import { exitWithFriendlyError, prepareLocalEnvironment } from './lib/local-environment';
import { runMigrations } from '../src/platform/db/migrate';
import { runSeeders } from '../src/platform/db/seed';
import { buildAppConfig } from '../src/platform/config/app-config-schema';
import { DEMO_USER } from '../src/features/auth/server/seed';
import { BENCH_ORGANIZATION, seedLargeWorld } from './lib/large-world';
import { allowServerOnlyImports } from './lib/server-modules';

const [command, ...flags] = process.argv.slice(2);

/** `--scale large` or `--scale=large`; null without the flag. */
function requestedScale(): string | null {
  const index = flags.findIndex((flag) => flag === '--scale' || flag.startsWith('--scale='));
  if (index === -1) return null;
  const flag = flags[index]!;
  return flag.includes('=') ? flag.slice('--scale='.length) : (flags[index + 1] ?? '');
}

/** Where the app answers: NEXT_PUBLIC_SITE_URL when set, else the dev server on this machine. */
function signInUrl(): string {
  const origin = process.env.NEXT_PUBLIC_SITE_URL
    ? new URL(process.env.NEXT_PUBLIC_SITE_URL).origin
    : `http://localhost:${process.env.PORT || 3000}`;
  return `${origin}${buildAppConfig(process.env).paths.signIn}`;
}

function printSignIn(extra: string[] = []) {
  console.log(
    [
      '',
      `Sign in at ${signInUrl()}`,
      `  email:    ${DEMO_USER.email}`,
      `  password: ${DEMO_USER.password}`,
      ...extra,
      '',
    ].join('\n'),
  );
}

async function seedLarge(databaseUrl: string) {
  const result = await seedLargeWorld(databaseUrl, (line) => console.log(line));
  console.log(
    result.created
      ? `[large] Done in ${result.seconds.toFixed(1)} s.`
      : `[large] The large world is already there (${BENCH_ORGANIZATION.name}, /dashboard/${BENCH_ORGANIZATION.slug}): nothing added. \`npm run db:reset\` removes it.`,
  );
}

async function confirmReset(databaseUrl: string): Promise<boolean> {
  if (flags.includes('--yes') || flags.includes('-y')) return true;
  const target = new URL(databaseUrl);
  if (!process.stdin.isTTY) {
    console.error('Refusing to reset without confirmation. Run `npm run db:reset -- --yes` to confirm.');
    return false;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question(
    `This deletes ALL data in database "${target.pathname.slice(1)}" on ${target.hostname}:${target.port || 5432}. Type "reset" to continue: `,
  );
  prompt.close();
  return answer.trim() === 'reset';
}

async function resetSchema(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('set client_min_messages = warning');
    await client.query('drop schema if exists public cascade');
    await client.query('drop schema if exists drizzle cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
}

async function main() {
  if (!['migrate', 'seed', 'reset'].includes(command ?? '')) {
    console.error('Usage: npm run db:migrate | db:seed [-- --scale large] | db:reset [-- --yes]');
    process.exit(2);
  }
  const scale = requestedScale();
  if (scale !== null && (command !== 'seed' || scale !== 'large')) {
    console.error('The only scale is `large`, for db:seed: npm run db:seed -- --scale large');
    process.exit(2);
  }
  // Demo data has a published password: never in production unless asked in so many words.
  if (command !== 'migrate' && process.env.NODE_ENV === 'production' && !flags.includes('--allow-production')) {
    console.error(
      `[db] Refusing to ${command} with NODE_ENV=production: the demo data signs in with a published password. Add -- --allow-production if you really mean it.`,
    );
    process.exit(1);
  }
  const environment = await prepareLocalEnvironment({ dev: true, migrate: command !== 'reset' });
  // The billing seeder applies its demo subscription through the server's webhook path (server-only code).
  allowServerOnlyImports();
  const { seeders } = await import('./lib/seeders');
  try {
    if (command === 'seed') {
      const summary = await runSeeders(environment.databaseUrl, seeders);
      console.log(
        `[db] Seeded:\n${summary
          .split('; ')
          .map((part) => `  ${part}`)
          .join('\n')}`,
      );
      if (scale === 'large') await seedLarge(environment.databaseUrl);
      printSignIn(
        scale === 'large'
          ? [
              `  large world: /dashboard/${BENCH_ORGANIZATION.slug} (${BENCH_ORGANIZATION.name}); then \`npm run bench\``,
            ]
          : [],
      );
    } else if (command === 'reset') {
      if (!(await confirmReset(environment.databaseUrl))) {
        console.log('[db] Reset cancelled; nothing was changed.');
        await environment.stop();
        process.exit(1);
      }
      await resetSchema(environment.databaseUrl);
      await runMigrations(environment.databaseUrl);
      const summary = await runSeeders(environment.databaseUrl, seeders);
      console.log(
        `[db] Database reset, migrated and seeded:\n${summary
          .split('; ')
          .map((part) => `  ${part}`)
          .join('\n')}`,
      );
      printSignIn();
    }
  } finally {
    await environment.stop();
  }
}

main().catch(exitWithFriendlyError);
