import { getAuthLinkHandler } from '@/features/auth/server';

/**
 * better-auth's HTTP endpoints, limited to the links people follow from an
 * email or an OAuth provider. Everything else (sign-in, sign-up, settings…)
 * goes through Keel's server actions; see docs/auth/overview.md.
 */
export const GET = (request: Request) => getAuthLinkHandler()(request);
