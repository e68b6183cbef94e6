import 'server-only';

/**
 * Points the Lemon Squeezy SDK at another origin (decision 0046). The SDK (4.0.0) hard-codes
 * https://api.lemonsqueezy.com and calls the global `fetch`, with no base-URL option. Node's `fetch`
 * sends every request through the global dispatcher it keeps under a well-known symbol, so this wraps
 * that dispatcher: requests to Lemon Squeezy's origin go to `apiUrl`, every other request is untouched.
 * Only installed when LEMON_SQUEEZY_API_URL is set (tests' local mock); production never calls it.
 */

const LEMON_SQUEEZY_ORIGIN = 'https://api.lemonsqueezy.com';

/** Where Node's fetch (undici) looks for its dispatcher. */
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');
/** The current target, read at each request, so a later gateway (another test file's mock) can move it. */
const TARGET = Symbol.for('keel.billing.lemonSqueezyApiUrl');

interface Dispatcher {
  dispatch(options: { origin?: string | URL } & Record<string, unknown>, handler: unknown): boolean;
  close(...args: unknown[]): unknown;
  destroy(...args: unknown[]): unknown;
}

type GlobalWithDispatcher = typeof globalThis & {
  [GLOBAL_DISPATCHER]?: Dispatcher & { keelLemonSqueezyRouting?: true };
  [TARGET]?: string;
};

export async function routeLemonSqueezyApiTo(apiUrl: string): Promise<void> {
  const target = new URL(apiUrl).origin;
  const global = globalThis as GlobalWithDispatcher;
  global[TARGET] = target;
  if (global[GLOBAL_DISPATCHER]?.keelLemonSqueezyRouting) return;
  // Node creates its dispatcher when fetch is first used: a data: URL does that without any network.
  if (!global[GLOBAL_DISPATCHER]) await fetch('data:,');
  const original = global[GLOBAL_DISPATCHER];
  if (!original) throw new Error('Lemon Squeezy API URL: this runtime’s fetch has no global dispatcher to route.');
  if (original.keelLemonSqueezyRouting) return;
  const routing: Dispatcher & { keelLemonSqueezyRouting: true } = {
    keelLemonSqueezyRouting: true,
    dispatch(options, handler) {
      const origin = options.origin instanceof URL ? options.origin.origin : options.origin;
      const to = global[TARGET];
      return original.dispatch(origin === LEMON_SQUEEZY_ORIGIN && to ? { ...options, origin: to } : options, handler);
    },
    close: (...args) => original.close(...args),
    destroy: (...args) => original.destroy(...args),
  };
  global[GLOBAL_DISPATCHER] = routing;
}
