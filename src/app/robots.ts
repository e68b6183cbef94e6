import type { MetadataRoute } from 'next';
import { appConfig } from '@/platform/config/app-config';

/**
 * Areas crawlers have no business in: the signed-in app, sign-in and onboarding, the API, the
 * development tools and the local billing pages. They are private or empty without a session anyway;
 * this keeps them out of crawl budgets. Public pages are listed in the sitemap.
 */
const DISALLOWED_PATHS = [
  '/dashboard',
  '/settings',
  '/auth/',
  '/onboarding',
  '/join',
  '/api/',
  '/dev/',
  '/billing/',
] as const;

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: [...DISALLOWED_PATHS] },
    sitemap: `${appConfig.site.url}/sitemap.xml`,
    host: appConfig.site.url,
  };
}
