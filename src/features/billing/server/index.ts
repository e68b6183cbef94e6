import 'server-only';

/**
 * The billing feature's server API (docs/billing/). Its tables: '@/features/billing/server/schema'.
 */
export {};
