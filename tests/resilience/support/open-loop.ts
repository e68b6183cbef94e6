import os from 'node:os';

/**
 * An open-loop load driver: requests start at a fixed rate whatever the
 * server's speed (a closed loop would slow down with the server and hide the
 * queueing users feel). Bounded: at most `maxInFlight` requests at once;
 * a request that could not start because of that bound is counted as
 * `notStarted`, so an overloaded server shows up in the report instead of
 * the driver piling up connections.
 */
export interface Outcome {
  /** What was asked, for the report: "page", "api", "action"… */
  kind: string;
  /** Whether the answer is the one a user should get. */
  ok: boolean;
  /**
   * Whether a failure failed cleanly: an error page, or the error envelope
   * with a request id — not a hang, a reset connection or a bare 500.
   */
  clean: boolean;
  status: number;
  /** The error code of an error envelope or action result. */
  code?: string;
  /** Why it is not ok, for a failure message. */
  detail?: string;
}

interface Sample extends Outcome {
  startedAt: number;
  ms: number;
}

export interface LoadReport {
  samples: Sample[];
  notStarted: number;
  seconds: number;
  loadAverage: number[];
}

export async function runOpenLoop(options: {
  ratePerSecond: number;
  durationMs: number;
  maxInFlight?: number;
  /** The request number `index`; a thrown error (refused connection, timeout) becomes a failed sample. */
  request: (index: number) => Promise<Outcome>;
}): Promise<LoadReport> {
  const { ratePerSecond, durationMs, maxInFlight = 200, request } = options;
  const samples: Sample[] = [];
  const inFlight = new Set<Promise<void>>();
  let notStarted = 0;
  const began = performance.now();
  const total = Math.floor((durationMs / 1000) * ratePerSecond);

  for (let index = 0; index < total; index += 1) {
    // Each start is scheduled from the beginning, not from the previous start, so timer drift does not slow the rate.
    const due = began + (index * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight.size >= maxInFlight) {
      notStarted += 1;
      continue;
    }
    const startedAt = performance.now();
    const running = request(index)
      .catch((error: unknown): Outcome => ({
        kind: 'unknown',
        ok: false,
        clean: false,
        status: 0,
        detail: describe(error),
      }))
      .then((outcome) => {
        samples.push({ ...outcome, startedAt: startedAt - began, ms: performance.now() - startedAt });
      })
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  }
  await Promise.all(inFlight);
  return { samples, notStarted, seconds: (performance.now() - began) / 1000, loadAverage: os.loadavg() };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return [(error as Error).name, (error as Error).message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
}

function percentile(values: number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

/** A table of p50/p90/p99/max and failures per kind of request, for the log. */
export function formatReport(title: string, report: LoadReport): string {
  const kinds = [...new Set(report.samples.map((sample) => sample.kind))].sort();
  const row = (name: string, samples: Sample[]) => {
    const ms = samples.map((sample) => sample.ms);
    const cells = [percentile(ms, 0.5), percentile(ms, 0.9), percentile(ms, 0.99), Math.max(...ms)].map((value) =>
      `${value.toFixed(0)} ms`.padStart(9),
    );
    return `  ${name.padEnd(12)}${String(samples.length).padStart(7)}${cells.join('')}${String(samples.filter((sample) => !sample.ok).length).padStart(8)}`;
  };
  return [
    `${title}: ${report.samples.length} requests in ${report.seconds.toFixed(1)} s (${(report.samples.length / report.seconds).toFixed(1)}/s), ${report.notStarted} not started (in-flight bound)`,
    `  ${'kind'.padEnd(12)}${'count'.padStart(7)}${'p50'.padStart(9)}${'p90'.padStart(9)}${'p99'.padStart(9)}${'max'.padStart(9)}${'errors'.padStart(8)}`,
    ...kinds.map((kind) =>
      row(
        kind,
        report.samples.filter((sample) => sample.kind === kind),
      ),
    ),
    row('all', report.samples),
    `  load average (1, 5, 15 min): ${report.loadAverage.map((value) => value.toFixed(2)).join(', ')} on ${os.cpus().length} cores`,
  ].join('\n');
}
