/**
 * Runs once when a Next.js server starts, before it serves requests. The work
 * is Node.js-only, so it lives in instrumentation-node.ts.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { onServerStart } = await import('./instrumentation-node');
    await onServerStart();
  }
}
