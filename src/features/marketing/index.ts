/**
 * The marketing feature's public face (landing sections, pricing, FAQ, structured data).
 * Server-only content loaders: '@/features/marketing/server'. Guide: docs/marketing/.
 */
export { MARKETING_PATHS } from './pages';
export {
  FAQ_IDS,
  landingConfig,
  LANDING_FEATURES,
  SCREENSHOT_SIZE,
  type FaqId,
  type LandingConfig,
  type LandingFeature,
} from './landing-config';
export { faqPageJsonLd, organizationJsonLd, softwareApplicationJsonLd } from './structured-data';
export { FaqList, type FaqItem } from './components/faq-list';
export { MarketingPricingTable } from './components/marketing-pricing-table';
export { PricingTeaser } from './components/pricing-teaser';
export { Screenshot } from './components/screenshot';
export { LogoCloud, Testimonials } from './components/social-proof';
