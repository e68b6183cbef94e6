import 'server-only';

/**
 * Billing's light server face for public pages (decision 0063): the catalogue, read from the configuration
 * alone. The full face (`@/features/billing/server`) brings the gateways, organizations and auth with it.
 */
export { pricingCatalogue, type TranslateKey } from './pricing-catalogue';
