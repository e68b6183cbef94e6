/**
 * The marketing feature's public face (landing sections, pricing, FAQ, structured data).
 * Server-only content loaders: '@/features/marketing/server'. Guide: docs/marketing/.
 *
 * No client component here: a server page that imports this face would carry every client component it
 * re-exports in its scripts, rendered or not. The pricing page imports its table from
 * '@/features/marketing/components/marketing-pricing-table'.
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
export { PricingTeaser } from './components/pricing-teaser';
export { Screenshot } from './components/screenshot';
export { LogoCloud, Testimonials } from './components/social-proof';
