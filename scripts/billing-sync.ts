/**
 * `npm run billing:sync`: compares every subscription that can still change with its payment provider
 * and repairs the drift missed, failed or reordered webhooks left (each repair is logged with its
 * before and after). The queue runs the same every hour; this is for now, e.g. after an outage.
 * Guide: docs/billing/reconciliation.md.
 */
import { exitWithFriendlyError, prepareLocalEnvironment } from './lib/local-environment';
import { allowServerOnlyImports } from './lib/server-modules';

async function main() {
  // The database of DATABASE_URL, or the embedded one a running `npm run dev` / `npm start` shares.
  const environment = await prepareLocalEnvironment({ dev: process.env.NODE_ENV !== 'production' });
  allowServerOnlyImports();
  const { reconcileSubscriptions } = await import('../src/features/billing/server');
  const { closeDatabase } = await import('../src/platform/db/client');
  try {
    const report = await reconcileSubscriptions();
    console.log(
      `[billing:sync] ${report.checked} subscription(s) checked: ${report.repaired} repaired, ` +
        `${report.missing} unknown to the provider (marked canceled), ` +
        `${report.discovered} found at the provider whose events never arrived, ${report.failed} could not be checked` +
        (report.skipped ? `; ${report.skipped} of a provider not in use here, left alone` : ''),
    );
    process.exitCode = report.failed > 0 ? 1 : 0;
  } finally {
    await closeDatabase();
    await environment.stop();
  }
}

main().catch(exitWithFriendlyError);
