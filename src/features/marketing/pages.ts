/** The marketing pages, by path without language (they exist in every language). */
export const MARKETING_PATHS = ['/', '/pricing', '/faq', '/contact'] as const;
