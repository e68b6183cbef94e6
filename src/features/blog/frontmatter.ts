import { z } from 'zod';

/** Tags and author ids are URL segments: lower-case words joined by hyphens. */
const urlSegment = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "row-level-security"');

/**
 * What a post's frontmatter must say (content/blog/<locale>/<slug>.mdx). The content
 * pipeline validates every post with it at build time, so a mistake stops the build
 * naming the file and the field (docs/content/writing-a-blog-post.md).
 */
export const postFrontmatterSchema = z.object({
  title: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters'),
  description: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  /** The publication date, written YYYY-MM-DD. */
  date: z.iso.date('must be a date written YYYY-MM-DD'),
  /** When the post last changed meaningfully (the feed's `updated`); defaults to `date`. */
  updated: z.iso.date('must be a date written YYYY-MM-DD').optional(),
  /** Ids from src/features/blog/authors.ts. */
  authors: z.array(urlSegment).min(1, 'needs at least one author'),
  tags: z.array(urlSegment).default([]),
  /** An image under public/ (its path starts with /) and its text alternative. */
  cover: z.object({
    src: z.string().regex(/^\/[^\s]*\.(?:svg|png|jpe?g|webp|avif)$/, 'must be a path under public/, e.g. /blog/x.svg'),
    alt: z.string().trim().min(1, 'is required: describe the image for people who cannot see it'),
  }),
  /** A draft is shown by `npm run dev` and left out of production builds, the feed and the sitemap. */
  draft: z.boolean().default(false),
});

export type PostFrontmatter = z.output<typeof postFrontmatterSchema>;

/** One line per problem, naming the file and the field: what the build prints for a bad post. */
export function describeFrontmatterProblems(file: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.join('.') || '(frontmatter)';
    const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
    return `  • ${field}: ${message}`;
  });
  return [`The blog post ${file} has invalid frontmatter:`, ...lines].join('\n');
}

/** Validates a post's frontmatter, throwing the message above when it is wrong. */
export function parsePostFrontmatter(file: string, data: unknown): PostFrontmatter {
  const result = postFrontmatterSchema.safeParse(data);
  if (!result.success) throw new Error(describeFrontmatterProblems(file, result.error));
  return result.data;
}
