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
export const NAVIGATION_ICONS = ['dashboard', 'tasks', 'members', 'billing', 'settings', 'profile', 'home', 'contact', 'organization'] as const;
export type NavigationIcon = (typeof NAVIGATION_ICONS)[number];
