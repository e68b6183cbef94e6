import { register } from 'node:module';

/*
 * `server-only` throws when it is imported outside a React Server Components
 * bundle, which keeps server code out of the browser. A script that calls the
 * app's server code directly (`npm run bench`) is server code too: like
 * vitest.config.ts's alias, this resolves `server-only` to an empty module for
 * the rest of the process. Modules that import it must then be loaded with
 * `await import(…)` after the call (static imports are resolved before any
 * code runs).
 */
const HOOKS = `
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,export {}', shortCircuit: true };
  return next(specifier, context);
}`;

export function allowServerOnlyImports() {
  register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);
}
