/**
 * The billing feature's public face for any code (server or browser): its vocabularies.
 * Server code: '@/features/billing/server'. Guides: docs/billing/.
 *
 * No client component here (it would ride along in the scripts of every page that imports this face, as the
 * landing page's pricing teaser does): '@/features/billing/components/pricing-table' for the table.
 */
export * from './billing-fields';
export * from './pricing';
export { billingPath, plansPath } from './paths';
