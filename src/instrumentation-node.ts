import { ConfigError } from '@/platform/config/env-schema';

/**
 * Validates the configuration — a mistake stops the server with a message
 * that names the variable, instead of failing on the first request — and
 * records shutdowns.
 */
export async function onServerStart() {
  try {
    await import('@/platform/config/app-config');
    const { getServerConfig } = await import('@/platform/config/server-config');
    getServerConfig();
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
