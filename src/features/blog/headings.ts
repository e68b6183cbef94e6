import GithubSlugger from 'github-slugger';

export type Heading = {
  /** 2 for `##`, 3 for `###`: the levels the table of contents lists. */
  depth: 2 | 3;
  text: string;
  /** The anchor rehype-slug gives the rendered heading (same algorithm: github-slugger). */
  id: string;
};

/**
 * The `##` and `###` headings of a Markdown/MDX body, outside code fences, with the
 * ids rehype-slug gives them, for a table of contents computed at build time.
 */
export function extractHeadings(body: string): Heading[] {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  let fence: string | null = null;
  for (const line of body.split('\n')) {
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker;
      else if (marker.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const match = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!match) continue;
    // Plain text as rehype-slug sees it: inline code, emphasis and link syntax removed.
    const text = match[2]!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*_]/g, '')
      .trim();
    const id = slugger.slug(text);
    const depth = match[1]!.length;
    if (depth === 2 || depth === 3) headings.push({ depth, text, id });
  }
  return headings;
}
