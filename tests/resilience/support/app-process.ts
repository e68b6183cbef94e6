import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '@/platform/net/ports';

/**
 * One instance of the app: the production build (.next-e2e, made by
 * `npm run test:e2e -- --build-only`) started the way a deployment starts it,
 * `npm start` (scripts/run-app.ts start), against the DATABASE_URL given — so
 * no embedded database of its own, and whatever the launcher does in
 * production (migrations, configuration check, the server in front of Next)
 * happens here too. scripts/e2e.ts passes the build's variables (NEXT_DIST_DIR,
 * APP_SECRET…) down to the suite, and from it to every instance.
 */
export interface AppProcess {
  url: string;
  /** The launcher's process id (the server is its child). */
  pid: number;
  /** Resolves with the exit code (or signal) if the process ends, whoever ended it. */
  exited: Promise<number | string>;
  /** Whether the process is still running. */
  running(): boolean;
  /** The last lines it printed, for a failure message. */
  output(): string;
  /** CPU time used so far by the process and its children (the launcher, Next.js), in seconds; NaN without /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export async function startApp(options: {
  databaseUrl: string;
  env?: Record<string, string>;
  /** A free port when not given. */
  port?: number;
}): Promise<AppProcess> {
  const port = options.port ?? (await findFreePort());
  const lines: string[] = [];
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(process.cwd(), 'scripts/run-app.ts'), 'start'],
    {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: options.databaseUrl,
        EMAIL_TRANSPORT: 'mailbox',
        STORAGE_DIR: path.join(os.tmpdir(), `keel-resilience-uploads-${port}`),
        LOG_LEVEL: 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 120_000;
  while (true) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The app on port ${port} exited while starting:\n${lines.join('\n')}`);
    }
    const status = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The app on port ${port} did not become healthy in 120 s:\n${lines.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    pid: child.pid!,
    exited,
    running: () => child.exitCode === null && child.signalCode === null,
    output: () => lines.join('\n'),
    cpuSeconds: () => cpuSecondsOfTree(child.pid!),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** user + system time of `pid` and its live descendants, from /proc (Linux), in clock ticks of 1/100 s. */
function cpuSecondsOfTree(pid: number): number {
  try {
    const stats = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map((entry) => {
        try {
          // Fields after the command name (which may contain spaces) start at ") ".
          const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
          return { pid: Number(entry), parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
        } catch {
          return null;
        }
      })
      .filter((stat) => stat !== null);
    const tree = new Set([pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const stat of stats) {
        if (!tree.has(stat.pid) && tree.has(stat.parent)) {
          tree.add(stat.pid);
          grew = true;
        }
      }
    }
    return stats.filter((stat) => tree.has(stat.pid)).reduce((sum, stat) => sum + stat.ticks, 0) / 100;
  } catch {
    return Number.NaN;
  }
}
