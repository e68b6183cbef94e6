/**
 * The blog's collection: content/blog/<locale>/<slug>.mdx, compiled once at build time. Registered in
 * content-collections.ts at the repository's root.
 */
import { defineCollection } from '@content-collections/core';
import { compileMDX } from '@content-collections/mdx';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../../platform/config/constants';
import { markdownPlugins } from '../../../platform/content/markdown-plugins';
import { findAuthor } from '../authors';
import { describeFrontmatterProblems, postFrontmatterSchema } from '../frontmatter';
import { extractHeadings } from '../headings';
import { readingMinutes } from '../reading-time';

/** `<locale>/<slug>` from a file's path inside its collection's directory, or a problem naming the file. */
function locatePost(path: string): { locale: Locale; slug: string } | { problem: string } {
  const match = /^([^/]+)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(path);
  const locale = match?.[1];
  if (!match || !LOCALES.includes(locale as Locale)) {
    return {
      problem:
        `The blog post content/blog/${path}.mdx must be at <locale>/<slug>.mdx, with a locale among ${LOCALES.join(', ')} ` +
        'and a slug of lower-case words joined by hyphens.',
    };
  }
  return { locale: locale as Locale, slug: match[2]! };
}

/**
 * content-collections logs a document whose schema or transform fails and builds on without it, which
 * would drop a mistyped post silently. So the schema here takes any frontmatter, the transform validates
 * it with the blog's own schema, and a bad post becomes a `problem` that the blog's server face throws
 * on first use: `next build` stops with the message, `npm run dev` shows it in the error overlay.
 */
export const postsCollection = defineCollection({
  name: 'posts',
  directory: 'content/blog',
  include: '**/*.mdx',
  schema: z.looseObject({ content: z.string() }),
  transform: async (document, context) => {
    const { _meta, content, ...frontmatter } = document;
    const file = `content/blog/${_meta.filePath}`;
    const location = locatePost(_meta.path);
    if ('problem' in location) return { file, problem: location.problem, post: null };
    const parsed = postFrontmatterSchema.safeParse(frontmatter);
    if (!parsed.success) return { file, problem: describeFrontmatterProblems(file, parsed.error), post: null };
    const unknownAuthors = parsed.data.authors.filter((id) => !findAuthor(id));
    if (unknownAuthors.length > 0) {
      const problem = `The blog post ${file} names unknown authors (${unknownAuthors.join(', ')}): add them to src/features/blog/authors.ts.`;
      return { file, problem, post: null };
    }
    const mdx = await compileMDX(context, document, markdownPlugins());
    return {
      file,
      problem: null,
      post: {
        ...parsed.data,
        updated: parsed.data.updated ?? parsed.data.date,
        ...location,
        readingMinutes: readingMinutes(content),
        headings: extractHeadings(content),
        mdx,
      },
    };
  },
});
