/** Adults read prose at roughly 200–250 words a minute; code is skimmed, and counted like prose. */
const WORDS_PER_MINUTE = 220;

/**
 * Whole minutes to read a post's Markdown/MDX body (at least one): words are what
 * remains once markup (tags, link targets, emphasis marks, fences) is set aside.
 */
export function readingMinutes(body: string): number {
  const text = body
    .replace(/^---[\s\S]*?\n---/, ' ') // frontmatter, if given the whole file
    .replace(/<[^>]+>/g, ' ') // JSX / HTML tags
    .replace(/\]\([^)]*\)/g, ' ') // link and image targets
    .replace(/[`*_#>~|[\]{}-]+/g, ' ');
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
