/**
 * npm run lighthouse [-- --no-build] [-- --dist .next-lighthouse] [-- --pages /,/pricing,/blog/x,/docs/y]
 *                    [-- --preset desktop]
 *
 * The public site's budgets against a production build (issue 17, decision 0049), on this machine, offline:
 * - Lighthouse 12 (mobile preset unless `--preset desktop`) in Debian's Chromium on the landing page, pricing,
 *   a blog post and a docs page (the first of each in the sitemap unless `--pages`), each category's score
 *   beside its target (performance ≥ 95; accessibility, best practices, SEO 100) with the audits that cost
 *   points;
 *   and, first, the bare Next.js page's performance score as a reference from the same browser and minute;
 * - the landing page's scripts (sum of gzip of each script it loads, scripts/lib/page-weight.ts, as
 *   `npm run bench:http` counts them) against a bare Next.js page of the same versions (bench/bare-next) + 15 KB;
 * - time to first byte, median of 30, of a prerendered page (/) and of a public page rendered per request
 *   (/contact), for the record.
 * It reports; it asserts nothing (exit code 0 unless it could not measure).
 *
 * Builds Keel into `--dist` (its site URL is the server's) and the bare app unless --no-build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { findFreePort } from '../src/platform/net/ports';
import { startApp } from '../tests/resilience/support/app-process';
import { startTestDatabase } from '../tests/resilience/support/database';
import { projectRoot } from './lib/local-environment';
import { scriptWeight } from './lib/page-weight';

const flags = process.argv.slice(2);
const flag = (name: string) => (flags.includes(name) ? flags[flags.indexOf(name) + 1] : undefined);
const build = !flags.includes('--no-build');
const distDir = flag('--dist') ?? '.next-lighthouse';
const desktop = flag('--preset') === 'desktop';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const BARE_DIR = path.join(projectRoot, 'bench/bare-next');
const nextBin = path.join(projectRoot, 'node_modules/next/dist/bin/next');
const SCRIPT_BUDGET_KB = 15;
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof TARGETS;

function run(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env, cwd: projectRoot });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
}

async function waitFor(url: string, what: string, seconds = 90) {
  const deadline = Date.now() + seconds * 1000;
  while (
    (await fetch(url).then(
      (r) => r.status,
      () => 0,
    )) !== 200
  ) {
    if (Date.now() > deadline) throw new Error(`${what} did not answer at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The pages to score: given, or the landing page, pricing and the first blog post and docs page of the sitemap. */
async function pagesToScore(baseUrl: string): Promise<string[]> {
  const given = flag('--pages');
  if (given) return given.split(',');
  const sitemap = await fetch(`${baseUrl}/sitemap.xml`).then(
    (r) => (r.ok ? r.text() : ''),
    () => '',
  );
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, url]) => new URL(url!).pathname);
  const first = (pattern: RegExp, fallback: string) => paths.find((p) => pattern.test(p)) ?? fallback;
  return [
    '/',
    '/pricing',
    first(/^\/blog\/(?!tags\/|authors\/)[^/]+$/, '/blog/(none in the sitemap)'),
    first(/^\/docs\/.+/, '/docs/(none in the sitemap)'),
  ];
}

async function timeToFirstByte(url: string, samples = 30) {
  const times: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    const started = performance.now();
    const response = await fetch(url, { redirect: 'manual' });
    const reader = response.body!.getReader();
    await reader.read();
    times.push(performance.now() - started);
    await reader.cancel();
  }
  return times.sort((a, b) => a - b)[Math.floor(samples / 2)]!;
}

/** What an accessibility, best-practices or SEO audit found, a line each (the element, or the issue's kind). */
function auditItems(audit: { details?: unknown }): string[] {
  const items = (audit.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  return items.slice(0, 5).map((item) => {
    const node = item.node as { snippet?: string; explanation?: string } | undefined;
    if (node?.snippet) return `${node.snippet}${node.explanation ? ` — ${node.explanation.split('\n')[0]}` : ''}`;
    const sub = (item.subItems as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
    return `${String(item.issueType ?? item.description ?? '')} ${JSON.stringify(sub.slice(0, 2))}`.slice(0, 300);
  });
}

async function main() {
  const ports = { keel: await findFreePort(), bare: await findFreePort(), chromium: await findFreePort() };
  const keelUrl = `http://127.0.0.1:${ports.keel}`;
  const secretFile = path.join(projectRoot, '.data/lighthouse-build-secret');
  if (build || !existsSync(secretFile)) {
    mkdirSync(path.dirname(secretFile), { recursive: true });
    writeFileSync(secretFile, `lighthouse-${randomBytes(24).toString('hex')}`, { mode: 0o600 });
  }
  const secret = process.env.APP_SECRET || readFileSync(secretFile, 'utf8').trim();
  const env = { ...process.env, NEXT_DIST_DIR: distDir, APP_SECRET: secret, NEXT_TELEMETRY_DISABLED: '1' };
  if (build) {
    console.log(`[lighthouse] Building Keel into ${distDir} and the bare app into bench/bare-next/.next…`);
    run(['--import', 'tsx', 'scripts/build.ts'], { ...env, NEXT_PUBLIC_SITE_URL: keelUrl });
    run([nextBin, 'build', BARE_DIR], env);
  }
  if (!existsSync(path.join(projectRoot, distDir, 'BUILD_ID')) || !existsSync(path.join(BARE_DIR, '.next/BUILD_ID')))
    throw new Error(`No build to measure in ${distDir} or bench/bare-next/.next: run without --no-build first.`);

  const database = await startTestDatabase();
  let keel: Awaited<ReturnType<typeof startApp>> | undefined;
  const bare = startProcess(process.execPath, [nextBin, 'start', BARE_DIR, '-p', String(ports.bare)], {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
  });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'keel-lighthouse-'));
  const chromium = startProcess(CHROMIUM, [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    `--user-data-dir=${profile}`,
    `--remote-debugging-port=${ports.chromium}`,
    'about:blank',
  ]);
  try {
    keel = await startApp({
      databaseUrl: database.url,
      port: ports.keel,
      env: { ...env, NEXT_PUBLIC_SITE_URL: keelUrl },
    });
    const bareUrl = `http://127.0.0.1:${ports.bare}`;
    await waitFor(bareUrl, 'The bare Next.js app');
    await waitFor(`http://127.0.0.1:${ports.chromium}/json/version`, 'Chromium');

    // Budget: the landing page's scripts against the bare page's.
    const weigh = async (base: string) => {
      const html = await (await fetch(`${base}/`)).text();
      return scriptWeight(html, async (source) =>
        Buffer.from(await (await fetch(new URL(source, base))).arrayBuffer()),
      );
    };
    const [keelScripts, bareScripts] = [await weigh(keelUrl), await weigh(bareUrl)];
    const over = keelScripts.scriptsKb - bareScripts.scriptsKb;
    console.log('\nLanding page scripts (gzip, each script the page loads):');
    console.log(
      `  Keel ${keelScripts.scriptsKb.toFixed(1)} KB in ${keelScripts.scripts} scripts; bare Next.js ` +
        `${bareScripts.scriptsKb.toFixed(1)} KB in ${bareScripts.scripts}; difference ${over.toFixed(1)} KB ` +
        `(budget ≤ ${SCRIPT_BUDGET_KB} KB: ${over <= SCRIPT_BUDGET_KB ? 'within' : 'OVER'})`,
    );

    const [prerendered, perRequest] = [
      await timeToFirstByte(`${keelUrl}/`),
      await timeToFirstByte(`${keelUrl}/contact`),
    ];
    console.log(
      `\nTime to first byte, median of 30: prerendered / ${prerendered.toFixed(1)} ms; ` +
        `rendered per request /contact ${perRequest.toFixed(1)} ms`,
    );

    console.log(`\nLighthouse ${desktop ? '(desktop preset)' : '(mobile preset, simulated throttling)'}:`);
    const header = [
      'page',
      ...Object.keys(TARGETS).map((category) => `${category} (≥${TARGETS[category as Category]})`),
    ];
    console.log(`  ${header.join(' | ')}`);
    // The bare page first: a reference measured in the same browser and minute as Keel's pages. The first page
    // scored also scored lowest in the runs measured (68, then 85–89 for the same page): a reference spends it.
    const reference = await lighthouse(
      `${bareUrl}/`,
      { port: ports.chromium, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
      desktop ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined,
    );
    const referenceScore = Math.round((reference!.lhr.categories.performance?.score ?? 0) * 100);
    console.log(`  bare Next.js / (reference, performance only) | ${referenceScore}`);
    for (const page of await pagesToScore(keelUrl)) {
      const status = await fetch(`${keelUrl}${page}`).then(
        (r) => r.status,
        () => 0,
      );
      if (status !== 200) {
        console.log(`  ${page}: answers ${status}, not scored (not in this build?)`);
        continue;
      }
      const result = await lighthouse(
        `${keelUrl}${page}`,
        { port: ports.chromium, output: 'json', logLevel: 'error', onlyCategories: Object.keys(TARGETS) },
        desktop ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined,
      );
      const lhr = result!.lhr;
      const scores = (Object.keys(TARGETS) as Category[]).map((category) => {
        const score = Math.round((lhr.categories[category]?.score ?? 0) * 100);
        return { category, score, ok: score >= TARGETS[category] };
      });
      console.log(`  ${page} | ${scores.map(({ score, ok }) => `${score}${ok ? '' : ' ✗'}`).join(' | ')}`);
      for (const { category, ok } of scores) {
        if (ok) continue;
        const losing = lhr.categories[category]!.auditRefs.filter(
          (ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1,
        );
        for (const ref of losing) {
          const audit = lhr.audits[ref.id]!;
          console.log(
            `      ${category}: ${audit.id} — ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`,
          );
          if (category !== 'performance') for (const line of auditItems(audit)) console.log(`        ${line}`);
        }
      }
    }
  } finally {
    await chromium.stop();
    rmSync(profile, { recursive: true, force: true });
    await bare.stop();
    await keel?.stop();
    await database.dispose();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
