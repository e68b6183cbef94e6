/**
 * The configuration's fixed vocabularies, kept apart from the validation code
 * (zod) so that client components can import them without shipping the
 * validator to the browser.
 */

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export const OAUTH_PROVIDERS = ['github', 'google', 'oidc'] as const;
export type OAuthProvider = (typeof OAUTH_PROVIDERS)[number];

/** Icon names a navigation entry may use (mapped to components in src/app/_shell/icons.ts). */
export const NAVIGATION_ICONS = [
  'dashboard',
  'tasks',
  'members',
  'billing',
  'settings',
  'profile',
  'home',
  'contact',
  'organization',
  'audit',
] as const;
export type NavigationIcon = (typeof NAVIGATION_ICONS)[number];

/** Payment providers with a gateway; `local` is the built-in one that needs no account (docs/billing/). */
export const PAYMENT_PROVIDERS = ['stripe', 'lemon-squeezy'] as const;
export const BILLING_PROVIDERS = ['local', ...PAYMENT_PROVIDERS] as const;
export type BillingProvider = (typeof BILLING_PROVIDERS)[number];

/** What a plan limits (null in a plan: unlimited). Checked by the billing SDK where each is created. */
export const BILLING_LIMITS = ['members', 'tasks'] as const;
export type BillingLimit = (typeof BILLING_LIMITS)[number];

/** Capabilities a product switches on (`hasFeature`). Add yours here, then grant them in the catalogue. */
export const BILLING_ENTITLEMENTS = ['priority-support', 'audit-log', 'single-sign-on', 'guided-onboarding'] as const;
export type BillingEntitlement = (typeof BILLING_ENTITLEMENTS)[number];
