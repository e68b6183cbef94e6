import 'server-only';

/** The marketing feature's server face: content in a language for the public pages. */
export { faqItems, pricingTableMessages, publicPricingProducts } from './content';
