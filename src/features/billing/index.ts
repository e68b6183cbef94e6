/**
 * The billing feature's public face for any code (server or browser): its vocabularies.
 * Server code: '@/features/billing/server'. Guides: docs/billing/.
 */
export * from './billing-fields';
export * from './pricing';
export { billingPath, plansPath } from './paths';
export { PricingTable, type PricingChoice, type PricingTableProps } from './components/pricing-table';
