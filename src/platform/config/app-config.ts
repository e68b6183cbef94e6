import { buildAppConfig, type AppConfig, type publicEnvSchema } from './app-config-schema';
import type { z } from 'zod';

export * from './app-config-schema';

/** Reads the public variables. Each name is written out so Next.js can inline it in client bundles. */
function readPublicEnv(): Record<keyof z.input<typeof publicEnvSchema>, string | undefined> {
  return {
    NEXT_PUBLIC_SITE_NAME: process.env.NEXT_PUBLIC_SITE_NAME,
    NEXT_PUBLIC_SITE_URL: process.env.NEXT_PUBLIC_SITE_URL,
    NEXT_PUBLIC_SITE_DESCRIPTION: process.env.NEXT_PUBLIC_SITE_DESCRIPTION,
    NEXT_PUBLIC_LOGO_URL: process.env.NEXT_PUBLIC_LOGO_URL,
    NEXT_PUBLIC_LOGO_DARK_URL: process.env.NEXT_PUBLIC_LOGO_DARK_URL,
    NEXT_PUBLIC_DEFAULT_LOCALE: process.env.NEXT_PUBLIC_DEFAULT_LOCALE,
    NEXT_PUBLIC_DEFAULT_THEME: process.env.NEXT_PUBLIC_DEFAULT_THEME,
    NEXT_PUBLIC_BRAND_COLOR: process.env.NEXT_PUBLIC_BRAND_COLOR,
    NEXT_PUBLIC_DOCS_REPOSITORY_URL: process.env.NEXT_PUBLIC_DOCS_REPOSITORY_URL,
    NEXT_PUBLIC_DOCS_BRANCH: process.env.NEXT_PUBLIC_DOCS_BRANCH,
    NEXT_PUBLIC_LEGAL_COMPANY: process.env.NEXT_PUBLIC_LEGAL_COMPANY,
    NEXT_PUBLIC_LEGAL_EMAIL: process.env.NEXT_PUBLIC_LEGAL_EMAIL,
    NEXT_PUBLIC_LEGAL_UPDATED: process.env.NEXT_PUBLIC_LEGAL_UPDATED,
    NEXT_PUBLIC_AUTH_PASSWORD: process.env.NEXT_PUBLIC_AUTH_PASSWORD,
    NEXT_PUBLIC_AUTH_MAGIC_LINK: process.env.NEXT_PUBLIC_AUTH_MAGIC_LINK,
    NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS: process.env.NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS,
    NEXT_PUBLIC_FEATURE_THEME_SWITCHER: process.env.NEXT_PUBLIC_FEATURE_THEME_SWITCHER,
    NEXT_PUBLIC_FEATURE_LANGUAGE_SWITCHER: process.env.NEXT_PUBLIC_FEATURE_LANGUAGE_SWITCHER,
    NEXT_PUBLIC_FEATURE_ACCOUNT_DELETION: process.env.NEXT_PUBLIC_FEATURE_ACCOUNT_DELETION,
    NEXT_PUBLIC_FEATURE_ORGANIZATION_DELETION: process.env.NEXT_PUBLIC_FEATURE_ORGANIZATION_DELETION,
    NEXT_PUBLIC_FEATURE_MULTI_FACTOR_AUTH: process.env.NEXT_PUBLIC_FEATURE_MULTI_FACTOR_AUTH,
    NEXT_PUBLIC_FEATURE_EMAIL_VERIFICATION_REQUIRED: process.env.NEXT_PUBLIC_FEATURE_EMAIL_VERIFICATION_REQUIRED,
  };
}

/** The validated configuration. Importing it validates it: a bad value stops the app with a clear message. */
export const appConfig: AppConfig = buildAppConfig(readPublicEnv());
