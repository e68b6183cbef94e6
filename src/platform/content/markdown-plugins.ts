import rehypeShiki, { type RehypeShikiOptions } from '@shikijs/rehype';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';

/**
 * The Markdown/MDX pipeline every content collection shares (content-collections.ts): GitHub-flavoured
 * Markdown (tables, task lists), ids on headings (the table of contents and `#anchor` links), and code
 * highlighted once at build time by shiki — no highlighter reaches the browser. Both themes are written
 * into the markup (`--shiki-dark` variables); src/ui/prose.css switches to the dark one under `html.dark`.
 * Both themes keep comments and tokens at WCAG AA contrast on their backgrounds (the axe checks).
 */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

const shikiOptions: RehypeShikiOptions = {
  themes: CODE_THEMES,
  defaultColor: 'light',
  // Blocks fenced without a language, or with one shiki does not know (`env`, `text`…), stay plain.
  defaultLanguage: 'text',
  fallbackLanguage: 'text',
  lazy: true,
};

/** For `compileMarkdown` / `compileMDX` of @content-collections/markdown and /mdx. */
export function markdownPlugins() {
  return {
    remarkPlugins: [remarkGfm] as [typeof remarkGfm],
    rehypePlugins: [rehypeSlug, [rehypeShiki, shikiOptions]] as [
      typeof rehypeSlug,
      [typeof rehypeShiki, RehypeShikiOptions],
    ],
  };
}
