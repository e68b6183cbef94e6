import { startOidcProvider } from './oidc-provider';

/**
 * Runs the test OpenID Connect provider as a process, for the end-to-end
 * suite (playwright.config.ts starts it next to the app).
 */
const provider = await startOidcProvider({
  port: Number(process.env.E2E_OIDC_PORT || 3199),
  clientId: process.env.OIDC_CLIENT_ID,
  clientSecret: process.env.OIDC_CLIENT_SECRET,
});
console.log(`test OpenID Connect provider at ${provider.issuer}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void provider.close().then(() => process.exit(0)));
}
