/**
 * Empty on purpose: without a file of its own here, Turbopack (rooted at the repo, for its node_modules) takes
 * Keel's src/instrumentation.ts into the bare app's build.
 */
export function register() {}
