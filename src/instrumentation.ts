/**
 * Runs once when a Next.js server starts, before it serves requests.
 * Validates the configuration (a mistake stops the server with a message that
 * names the variable) and closes the database pool on shutdown.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { ConfigError } = await import('@/platform/config/env-schema');
  try {
    await import('@/platform/config/app-config');
    await import('@/platform/config/server-config');
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { registerShutdown } = await import('@/platform/shutdown');
  registerShutdown();
}
