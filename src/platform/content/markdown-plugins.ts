import rehypeShiki, { type RehypeShikiOptions } from '@shikijs/rehype';
import rehypeSlug from 'rehype-slug';
import type { BundledLanguage } from 'shiki';
import remarkGfm from 'remark-gfm';

/**
 * The Markdown/MDX pipeline every content collection shares (content-collections.ts): GitHub-flavoured
 * Markdown (tables, task lists), ids on headings (the table of contents and `#anchor` links), and code
 * highlighted once at build time by shiki — no highlighter reaches the browser. Both themes are written
 * into the markup (`--shiki-dark` variables); src/ui/prose.css switches to the dark one under `html.dark`.
 * Both themes keep comments and tokens at WCAG AA contrast on their backgrounds (the axe checks).
 */
const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

const shikiOptions: RehypeShikiOptions = {
  themes: CODE_THEMES,
  defaultColor: 'light',
  // The languages the guides and posts use, loaded once; any other is loaded when a block names it (`lazy`).
  // Without this list every language shiki knows is loaded first, which took a minute of each cold build.
  langs: [
    'ts',
    'tsx',
    'js',
    'jsx',
    'json',
    'sh',
    'bash',
    'sql',
    'css',
    'html',
    'yaml',
    'diff',
    'md',
    'mdx',
  ] satisfies BundledLanguage[],
  // Blocks fenced without a language, or with one shiki does not know (`env`, `text`…), stay plain.
  defaultLanguage: 'text',
  fallbackLanguage: 'text',
  lazy: true,
};

type Node = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] };

/**
 * Wide tables scroll sideways inside the text (src/ui/prose.css); a keyboard must reach them to scroll them,
 * as shiki's code blocks are reached (`tabindex="0"`, axe's scrollable-region-focusable).
 */
function rehypeFocusableTables() {
  const visit = (node: Node) => {
    if (node.tagName === 'table') node.properties = { ...node.properties, tabIndex: 0 };
    node.children?.forEach(visit);
  };
  return visit;
}

/** For `compileMarkdown` / `compileMDX` of @content-collections/markdown and /mdx. */
export function markdownPlugins() {
  return {
    remarkPlugins: [remarkGfm] as [typeof remarkGfm],
    rehypePlugins: [rehypeSlug, rehypeFocusableTables, [rehypeShiki, shikiOptions]] as [
      typeof rehypeSlug,
      typeof rehypeFocusableTables,
      [typeof rehypeShiki, RehypeShikiOptions],
    ],
  };
}
