/**
 * What the landing page shows, besides its words (messages/<locale>/marketing.json):
 * docs/marketing/customising-the-marketing-pages.md. Lists may be empty: their section is left out.
 */

/**
 * A feature section: its words are `marketing.home.features.<id>`,
 * its screenshot `public/marketing/<id>-{light,dark}.webp` (npm run screenshots).
 */
export const LANDING_FEATURES = ['workspace', 'tasks', 'members', 'billing'] as const;
export type LandingFeature = (typeof LANDING_FEATURES)[number];

/** The screenshots' size in pixels (scripts/screenshots.ts writes them at this size). */
export const SCREENSHOT_SIZE = { width: 1280, height: 800 } as const;

/** A customer's words. `quote` is shown as written: put the language of your audience, or one per locale. */
export interface Testimonial {
  quote: string;
  author: string;
  role?: string;
}

/** A customer's logo: an image under public/ (SVG works best), with its intrinsic size. */
export interface CustomerLogo {
  name: string;
  src: string;
  width: number;
  height: number;
  href?: string;
}

export interface LandingConfig {
  features: readonly LandingFeature[];
  testimonials: readonly Testimonial[];
  logos: readonly CustomerLogo[];
  /** The FAQ entries the landing shows (all of them are on /faq). */
  faq: readonly FaqId[];
}

/** The FAQ's entries, in order: `marketing.faq.items.<id>.question` / `.answer`. */
export const FAQ_IDS = ['what', 'stack', 'database', 'billing', 'languages', 'selfHost', 'license'] as const;
export type FaqId = (typeof FAQ_IDS)[number];

export const landingConfig: LandingConfig = {
  features: LANDING_FEATURES,
  // A new product has no customers to quote yet: both slots stay empty until you fill them.
  testimonials: [],
  logos: [],
  faq: ['what', 'database', 'billing', 'license'],
};
