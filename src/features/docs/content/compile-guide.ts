/**
 * Turns one file of docs/ into what the site shows: runs at build time inside content-collections
 * (content-collections.ts at the root), and in the tests over every guide.
 */
import { compileMarkdown } from '@content-collections/markdown';
import { markdownPlugins } from '../../../platform/content/markdown-plugins';
import { docLocation, repositoryTarget } from './doc-paths';
import { rehypeGuide, type GuideOutline } from './rehype-guide';

export interface GuideSource {
  /** Relative to docs/, e.g. billing/stripe.md (content-collections' `_meta.filePath`). */
  filePath: string;
  /** The Markdown after the frontmatter. */
  content: string;
  title?: string;
  description?: string;
  order?: number;
}

export interface GuideSettings {
  repositoryBlobUrl: string;
  translatedLocales: readonly string[];
}

/** A section of an index page (docs/README.md): its `## heading` and the guides it lists, in order. */
export type IndexSection = {
  title: string;
  slugs: string[];
};

/** The first line `# Title` is the guide's title (unless frontmatter gives one); the page renders it itself. */
function splitTitle(content: string): { heading: string | null; body: string } {
  const match = /^#[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/.exec(content);
  return match ? { heading: match[1]!.trim(), body: content.slice(match[0].length) } : { heading: null, body: content };
}

function titleFromFile(filePath: string): string {
  const name =
    filePath
      .replace(/(\/README)?\.md$/, '')
      .split('/')
      .at(-1) || 'Documentation';
  return name.charAt(0).toUpperCase() + name.slice(1).replaceAll('-', ' ');
}

export function indexSections(file: string, content: string, translatedLocales: readonly string[]): IndexSection[] {
  const sections: IndexSection[] = [];
  for (const line of content.split('\n')) {
    const heading = /^##[ \t]+(.+)$/.exec(line);
    if (heading) sections.push({ title: heading[1]!.trim(), slugs: [] });
    const item = /^\s*[-*][ \t]+\[[^\]]+\]\(([^)\s]+)\)/.exec(line);
    const target = item && repositoryTarget(file, item[1]!);
    if (target && sections.length && target.file.startsWith('docs/') && target.file.endsWith('.md')) {
      sections.at(-1)!.slugs.push(docLocation(target.file.slice('docs/'.length), translatedLocales).slug);
    }
  }
  return sections.filter((section) => section.slugs.length > 0);
}

// content-collections caches around the whole guide (collection.ts); the inner compile runs every time it is asked.
const noCache = { cache: <I, O>(input: I, compute: (input: I) => O | Promise<O>) => Promise.resolve(compute(input)) };

export async function compileGuide(source: GuideSource, settings: GuideSettings) {
  const { locale, slug } = docLocation(source.filePath, settings.translatedLocales);
  const file = `docs/${source.filePath}`;
  const { heading, body } = splitTitle(source.content);
  const outline: GuideOutline = { headings: [], ids: [], links: [], text: '', firstParagraph: '' };
  const plugins = markdownPlugins();
  const html = await compileMarkdown(
    noCache,
    { content: body, _meta: { filePath: source.filePath } as never },
    {
      remarkPlugins: plugins.remarkPlugins,
      rehypePlugins: [...plugins.rehypePlugins, [rehypeGuide, { file, ...settings, outline }]],
    },
  );
  const description = source.description ?? outline.firstParagraph;
  return {
    locale,
    slug,
    /** The file's path from the repository root: the "edit this page" link. */
    file,
    title: source.title ?? heading ?? titleFromFile(source.filePath),
    description: description.length > 200 ? `${description.slice(0, 197).trimEnd()}…` : description,
    order: source.order ?? null,
    html,
    headings: outline.headings,
    ids: outline.ids,
    links: outline.links,
    text: outline.text,
    sections: /(^|\/)README\.md$/.test(source.filePath)
      ? indexSections(file, source.content, settings.translatedLocales)
      : [],
  };
}

export type CompiledGuide = Awaited<ReturnType<typeof compileGuide>>;
