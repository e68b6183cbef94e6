/**
 * One pass over a compiled guide (after rehype-slug and shiki): links between guides, written as relative
 * .md paths so they work on GitHub, become site paths; links to other repository files go to the repository;
 * and what the site needs besides the HTML is collected — the table of contents, every id (for anchor
 * checks), the plain text (for search) and the first paragraph (the description when frontmatter has none).
 */
import { docLocation, docPath, repositoryTarget } from './doc-paths';

// The few hast shapes this pass reads (hast's own types are not a dependency of the project).
interface HastText {
  type: 'text';
  value: string;
}
interface HastElement {
  type: 'element';
  tagName: string;
  properties?: Record<string, unknown>;
  children: HastNode[];
}
type HastNode = HastText | HastElement | { type: string; children?: HastNode[] };

// Types, not interfaces: content-collections accepts only what it can see is serializable.
export type Heading = {
  depth: 2 | 3;
  id: string;
  text: string;
};

/** A link from one guide to another (or to a place in itself): checked by content-links.test.ts. */
export type GuideLink = {
  href: string;
  slug: string;
  anchor: string | null;
};

export interface GuideOutline {
  headings: Heading[];
  ids: string[];
  links: GuideLink[];
  text: string;
  firstParagraph: string;
}

export interface GuidePassOptions {
  /** The guide's path from the repository root, e.g. docs/billing/stripe.md. */
  file: string;
  /** Where links to repository files (source code, the root README) point: `<repository>/blob/<branch>/`. */
  repositoryBlobUrl: string;
  translatedLocales: readonly string[];
  /** Filled in by the pass. */
  outline: GuideOutline;
}

function isElement(node: HastNode): node is HastElement {
  return node.type === 'element';
}

function textOf(node: HastNode): string {
  if (node.type === 'text') return (node as HastText).value;
  return 'children' in node && node.children ? node.children.map(textOf).join('') : '';
}

function rewriteLink(href: string, options: GuidePassOptions, from: string): string {
  if (href.startsWith('#')) {
    options.outline.links.push({ href, slug: from, anchor: decodeURIComponent(href.slice(1)) || null });
    return href;
  }
  const target = repositoryTarget(options.file, href);
  if (!target) return href;
  const anchor = target.hash ? decodeURIComponent(target.hash.slice(1)) : null;
  const inDocs = target.file.startsWith('docs/');
  if (inDocs && (target.file.endsWith('.md') || !/\.[a-z0-9]+$/i.test(target.file))) {
    const inner = target.file.slice('docs/'.length);
    const { slug } = docLocation(inner.endsWith('.md') ? inner : `${inner}/README.md`, options.translatedLocales);
    options.outline.links.push({ href, slug, anchor });
    return docPath(slug) + target.hash;
  }
  if (target.file.startsWith('..')) return href;
  return options.repositoryBlobUrl + target.file + target.hash;
}

export function rehypeGuide(options: GuidePassOptions) {
  const from = docLocation(options.file.slice('docs/'.length), options.translatedLocales).slug;
  return (tree: HastNode) => {
    const text: string[] = [];
    const visit = (node: HastNode) => {
      if (!isElement(node)) {
        if (node.type === 'text') text.push((node as HastText).value);
        else if ('children' in node) node.children?.forEach(visit);
        return;
      }
      const id = node.properties?.id;
      if (typeof id === 'string') options.outline.ids.push(id);
      if ((node.tagName === 'h2' || node.tagName === 'h3') && typeof id === 'string') {
        options.outline.headings.push({ depth: node.tagName === 'h2' ? 2 : 3, id, text: textOf(node).trim() });
      }
      if (node.tagName === 'p' && !options.outline.firstParagraph) {
        options.outline.firstParagraph = textOf(node).replace(/\s+/g, ' ').trim();
      }
      if (node.tagName === 'a' && typeof node.properties?.href === 'string') {
        node.properties.href = rewriteLink(node.properties.href, options, from);
      }
      // Code blocks are left out of the search text: their words are mostly identifiers repeated in the prose.
      if (node.tagName === 'pre') return;
      node.children.forEach(visit);
      if (/^(p|li|h[1-6]|td|th|pre|blockquote)$/.test(node.tagName)) text.push('\n');
    };
    visit(tree);
    options.outline.text = text
      .join('')
      .replace(/[ \t]+/g, ' ')
      .replace(/\n\s*/g, '\n')
      .trim();
  };
}
