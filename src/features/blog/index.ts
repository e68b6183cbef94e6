/**
 * The blog feature's client-safe face: the frontmatter schema and the build-time helpers the content
 * pipeline uses. Pages import the components from `@/features/blog/components/<file>` and the data
 * from `@/features/blog/server`.
 */
export { describeFrontmatterProblems, parsePostFrontmatter, postFrontmatterSchema } from './frontmatter';
export { extractHeadings } from './headings';
export { readingMinutes } from './reading-time';
export type { BlogPost, LocalizedPost } from './posts';
