/**
 * What the HTTP server (scripts/serve.ts, loaded by Node) and the app (bundled
 * by Next.js, in the same process) share about shutting down. Each has its own
 * copy of this module, so the state lives on globalThis.
 */
interface Lifecycle {
  draining: boolean;
  /** Closed once the last request has finished (the database pool…), in order. */
  closers: { name: string; close: () => Promise<void> }[];
}

const KEY = Symbol.for('keel.lifecycle');

function lifecycle(): Lifecycle {
  const store = globalThis as { [KEY]?: Lifecycle };
  return (store[KEY] ??= { draining: false, closers: [] });
}

/** True once SIGTERM/SIGINT arrived: /api/health answers 503 so load balancers stop sending. */
export function isDraining(): boolean {
  return lifecycle().draining;
}

export function startDraining(): void {
  lifecycle().draining = true;
}

/** Registers something to close after the server has drained (once per name: hot reloads register again). */
export function closeWhenDrained(name: string, close: () => Promise<void>): void {
  const { closers } = lifecycle();
  const index = closers.findIndex((closer) => closer.name === name);
  if (index >= 0) closers[index] = { name, close };
  else closers.push({ name, close });
}

/** Runs the registered closers; a failure is reported and the others still run. */
export async function runClosers(report: (name: string, error: unknown) => void): Promise<void> {
  for (const { name, close } of lifecycle().closers.splice(0)) {
    await close().catch((error: unknown) => report(name, error));
  }
}
