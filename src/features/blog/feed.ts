/** The five characters XML gives meaning to, written as entities (text and attribute values alike). */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`,
  );
}

/** Characters XML 1.0 forbids outright (control codes); dropped so one stray byte cannot break the feed. */
function xmlText(text: string): string {
  return escapeXml(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
}

interface FeedEntry {
  /** An absolute URL: the post's page (also used as the entry's permanent id). */
  url: string;
  title: string;
  summary: string;
  /** ISO dates (YYYY-MM-DD or full timestamps). */
  published: string;
  updated: string;
  authors: string[];
  categories: string[];
  /** The entry's language when it differs from the feed's (a post shown untranslated). */
  language?: string;
}

export interface Feed {
  title: string;
  subtitle: string;
  language: string;
  /** Absolute URLs: the feed itself and the page it describes. */
  feedUrl: string;
  pageUrl: string;
  entries: FeedEntry[];
}

/** A YYYY-MM-DD date as the RFC 3339 timestamp Atom requires (midnight UTC). */
function atomDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : new Date(date).toISOString();
}

/**
 * An Atom 1.0 document (RFC 4287). Every value is escaped; the feed's `updated` is its
 * newest entry's, so the same posts always give the same bytes (a static file).
 */
export function atomFeed(feed: Feed): string {
  const updated =
    feed.entries
      .map((entry) => atomDate(entry.updated))
      .sort()
      .at(-1) ?? '1970-01-01T00:00:00Z';
  const entries = feed.entries.map((entry) =>
    [
      entry.language ? `  <entry xml:lang="${xmlText(entry.language)}">` : '  <entry>',
      `    <id>${xmlText(entry.url)}</id>`,
      `    <title>${xmlText(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(entry.url)}"/>`,
      `    <published>${atomDate(entry.published)}</published>`,
      `    <updated>${atomDate(entry.updated)}</updated>`,
      ...entry.authors.map((name) => `    <author><name>${xmlText(name)}</name></author>`),
      ...entry.categories.map((term) => `    <category term="${xmlText(term)}"/>`),
      `    <summary>${xmlText(entry.summary)}</summary>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">`,
    `  <id>${xmlText(feed.pageUrl)}</id>`,
    `  <title>${xmlText(feed.title)}</title>`,
    `  <subtitle>${xmlText(feed.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.pageUrl)}"/>`,
    `  <updated>${updated}</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
