import { z } from 'zod';
import { envBoolean, envList, envString, parseEnv } from './env-schema';

/**
 * The application's configuration: what a builder edits to make Keel theirs.
 *
 * Everything here is public — it is bundled into the browser — so it is read
 * only from `NEXT_PUBLIC_*` variables (Next.js inlines them at build time; the
 * names must appear literally below). Secrets live in `server-config.ts`.
 *
 * Defaults are in code; every scalar value can be overridden by the variable
 * next to it. Structural values (navigation, plans) are code, edited here.
 */

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export const OAUTH_PROVIDERS = ['github', 'google', 'oidc'] as const;
export type OAuthProvider = (typeof OAUTH_PROVIDERS)[number];

export const publicEnvSchema = z.object({
  NEXT_PUBLIC_SITE_NAME: envString('Keel').describe('a short product name, e.g. NEXT_PUBLIC_SITE_NAME="Acme".'),
  NEXT_PUBLIC_SITE_URL: envString('http://localhost:3000')
    .pipe(
      z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }),
    )
    .describe('the public origin of the app, e.g. https://app.example.com (http://localhost:3000 locally).'),
  NEXT_PUBLIC_SITE_DESCRIPTION: envString('The open-source SaaS starter kit on Next.js and PostgreSQL.').describe(
    'one sentence used in page metadata.',
  ),
  NEXT_PUBLIC_DEFAULT_LOCALE: envString('en')
    .pipe(z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }))
    .describe('a language code that has message files in messages/, e.g. "en".'),
  NEXT_PUBLIC_DEFAULT_THEME: envString('system')
    .pipe(z.enum(THEMES, { error: `must be one of ${THEMES.join(', ')}` }))
    .describe('"light", "dark" or "system".'),
  NEXT_PUBLIC_AUTH_PASSWORD: envBoolean(true).describe('"true" to allow sign-in with email and password.'),
  NEXT_PUBLIC_AUTH_MAGIC_LINK: envBoolean(true).describe('"true" to allow sign-in by emailed link.'),
  NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS: envList(OAUTH_PROVIDERS, []).describe(
    `a comma-separated list of ${OAUTH_PROVIDERS.join(', ')} (each also needs its client id and secret).`,
  ),
  NEXT_PUBLIC_FEATURE_THEME_SWITCHER: envBoolean(true).describe('"true" or "false".'),
  NEXT_PUBLIC_FEATURE_LANGUAGE_SWITCHER: envBoolean(true).describe('"true" or "false".'),
  NEXT_PUBLIC_FEATURE_ACCOUNT_DELETION: envBoolean(true).describe('"true" or "false".'),
  NEXT_PUBLIC_FEATURE_ORGANIZATION_DELETION: envBoolean(true).describe('"true" or "false".'),
  NEXT_PUBLIC_FEATURE_MULTI_FACTOR_AUTH: envBoolean(true).describe('"true" or "false".'),
  NEXT_PUBLIC_FEATURE_EMAIL_VERIFICATION_REQUIRED: envBoolean(true).describe('"true" or "false".'),
});

/** A menu entry: the label is a translation key, the icon a name the UI maps to a component. */
export interface NavigationItem {
  labelKey: string;
  path: string;
  icon?: string;
  /** Shown only when this feature flag is on. */
  feature?: keyof AppConfig['features'];
}

export function buildAppConfig(values: Record<string, string | undefined>) {
  const env = parseEnv(publicEnvSchema, values);
  const siteUrl = new URL(env.NEXT_PUBLIC_SITE_URL);
  return {
    site: {
      name: env.NEXT_PUBLIC_SITE_NAME,
      url: siteUrl.origin,
      description: env.NEXT_PUBLIC_SITE_DESCRIPTION,
    },
    locales: {
      supported: LOCALES,
      default: env.NEXT_PUBLIC_DEFAULT_LOCALE,
    },
    theme: {
      default: env.NEXT_PUBLIC_DEFAULT_THEME,
    },
    auth: {
      password: env.NEXT_PUBLIC_AUTH_PASSWORD,
      magicLink: env.NEXT_PUBLIC_AUTH_MAGIC_LINK,
      oauthProviders: env.NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS,
    },
    paths: {
      home: '/',
      contact: '/contact',
      signIn: '/auth/sign-in',
      signUp: '/auth/sign-up',
      dashboard: '/dashboard',
      settings: '/settings',
    },
    features: {
      themeSwitcher: env.NEXT_PUBLIC_FEATURE_THEME_SWITCHER,
      languageSwitcher: env.NEXT_PUBLIC_FEATURE_LANGUAGE_SWITCHER,
      accountDeletion: env.NEXT_PUBLIC_FEATURE_ACCOUNT_DELETION,
      organizationDeletion: env.NEXT_PUBLIC_FEATURE_ORGANIZATION_DELETION,
      multiFactorAuth: env.NEXT_PUBLIC_FEATURE_MULTI_FACTOR_AUTH,
      emailVerificationRequired: env.NEXT_PUBLIC_FEATURE_EMAIL_VERIFICATION_REQUIRED,
    },
    navigation: {
      marketing: [
        { labelKey: 'navigation.home', path: '/' },
        { labelKey: 'navigation.contact', path: '/contact' },
      ] satisfies NavigationItem[] as NavigationItem[],
      sidebar: [] as NavigationItem[],
    },
    billing: {
      /** Filled by the billing capability; kept here so pricing reads one place. */
      plans: [] as const,
    },
  };
}

export type AppConfig = ReturnType<typeof buildAppConfig>;

