import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml } from './feed';
import { parsePostFrontmatter } from './frontmatter';
import { extractHeadings } from './headings';
import { adjacentPosts, postsForLocale, postsTagged, tagCounts, visiblePosts, type BlogPost } from './posts';
import { readingMinutes } from './reading-time';

const frontmatter = {
  title: 'Why row-level security',
  description: 'Tenancy enforced by PostgreSQL.',
  date: '2026-12-01',
  authors: ['keel-maintainers'],
  tags: ['security'],
  cover: { src: '/blog/rls.svg', alt: 'Rows behind a lock' },
};

function post(overrides: Partial<BlogPost> & Pick<BlogPost, 'slug' | 'locale'>): BlogPost {
  return {
    ...parsePostFrontmatter('test.mdx', frontmatter),
    updated: frontmatter.date,
    readingMinutes: 1,
    headings: [],
    mdx: '',
    ...overrides,
  };
}

describe('frontmatter', () => {
  it('accepts a complete post and fills the defaults', () => {
    expect(parsePostFrontmatter('content/blog/en/ok.mdx', frontmatter)).toMatchObject({
      draft: false,
      tags: ['security'],
    });
  });

  it('refuses a bad post, naming the file and each wrong field', () => {
    const bad = { ...frontmatter, title: undefined, date: '1 Dec 2026', tags: ['Row Level'], cover: { src: 'x.gif' } };
    expect(() => parsePostFrontmatter('content/blog/en/bad.mdx', bad)).toThrowError(
      [
        'The blog post content/blog/en/bad.mdx has invalid frontmatter:',
        '  • title: is required',
        '  • date: must be a date written YYYY-MM-DD',
        '  • tags.0: must be lower-case words joined by hyphens, e.g. "row-level-security"',
        '  • cover.src: must be a path under public/, e.g. /blog/x.svg',
        '  • cover.alt: is required',
      ].join('\n'),
    );
  });
});

describe('drafts', () => {
  const posts = [post({ slug: 'live', locale: 'en' }), post({ slug: 'wip', locale: 'en', draft: true })];

  it('are left out of production', () => {
    expect(visiblePosts(posts, { includeDrafts: false }).map((p) => p.slug)).toEqual(['live']);
  });

  it('are shown in development', () => {
    expect(visiblePosts(posts, { includeDrafts: true }).map((p) => p.slug)).toEqual(['live', 'wip']);
  });
});

describe('posts per language', () => {
  const posts = [
    post({ slug: 'translated', locale: 'en', date: '2026-12-03' }),
    post({ slug: 'translated', locale: 'es', date: '2026-12-03', title: 'Traducido' }),
    post({ slug: 'english-only', locale: 'en', date: '2026-12-02' }),
    post({ slug: 'spanish-only', locale: 'es', date: '2026-12-01' }),
  ];

  it('gives a Spanish visitor the translation, or the English post marked as a fallback', () => {
    const list = postsForLocale(posts, 'es', 'en');
    expect(list.map(({ post: p, fallback }) => [p.slug, p.locale, fallback])).toEqual([
      ['translated', 'es', false],
      ['english-only', 'en', true],
      ['spanish-only', 'es', false],
    ]);
  });

  it('never shows the default language a post written only in another one', () => {
    expect(postsForLocale(posts, 'en', 'en').map(({ post: p }) => p.slug)).toEqual(['translated', 'english-only']);
  });

  it('links each post to its newer and older neighbours', () => {
    const list = postsForLocale(posts, 'es', 'en');
    const { newer, older } = adjacentPosts(list, 'english-only');
    expect([newer?.post.slug, older?.post.slug]).toEqual(['translated', 'spanish-only']);
  });

  it('counts and filters tags', () => {
    const list = postsForLocale([...posts, post({ slug: 'x', locale: 'en', tags: ['billing'] })], 'en', 'en');
    expect(tagCounts(list)).toEqual([
      { tag: 'security', count: 2 },
      { tag: 'billing', count: 1 },
    ]);
    expect(postsTagged(list, 'billing').map(({ post: p }) => p.slug)).toEqual(['x']);
  });
});

describe('reading time', () => {
  it('is one minute for a short post', () => {
    expect(readingMinutes('A few words.')).toBe(1);
  });

  it('counts words, not markup', () => {
    const words = Array.from({ length: 660 }, (_, i) => `word${i}`).join(' ');
    expect(readingMinutes(`## Title\n\n${words}\n\n<Callout>[link](https://example.com/a-b-c)</Callout>`)).toBe(4);
    expect(readingMinutes(Array.from({ length: 440 }, () => 'palabra').join(' '))).toBe(2);
  });
});

describe('headings', () => {
  it('lists ## and ### outside code fences with rehype-slug ids', () => {
    const body = '# Title\n## Why `RLS`?\n```sh\n## not a heading\n```\n### The [policy](x)\n## Why RLS?';
    expect(extractHeadings(body)).toEqual([
      { depth: 2, text: 'Why RLS?', id: 'why-rls' },
      { depth: 3, text: 'The policy', id: 'the-policy' },
      { depth: 2, text: 'Why RLS?', id: 'why-rls-1' },
    ]);
  });
});

describe('Atom feed', () => {
  const xml = atomFeed({
    title: 'Keel <blog> & "news"',
    subtitle: 'Posts',
    language: 'en',
    feedUrl: 'https://example.com/blog/feed.xml',
    pageUrl: 'https://example.com/blog',
    entries: [
      {
        url: 'https://example.com/blog/a?x=1&y=2',
        title: 'Tom & Jerry <script>alert(1)</script>',
        summary: "It's \u0007here",
        published: '2026-12-01',
        updated: '2026-12-04',
        authors: ['A & B'],
        categories: ['security'],
      },
      {
        url: 'https://example.com/es/blog/b',
        title: 'Older',
        summary: 'Old',
        published: '2026-11-01',
        updated: '2026-11-01',
        authors: [],
        categories: [],
        language: 'en',
      },
    ],
  });

  it('escapes every value', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(xml).toContain('<title>Keel &lt;blog&gt; &amp; &quot;news&quot;</title>');
    expect(xml).toContain('<title>Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(xml).toContain('href="https://example.com/blog/a?x=1&amp;y=2"');
    expect(xml).toContain('<summary>It&apos;s here</summary>');
    expect(xml).not.toContain('<script>');
  });

  it('carries the entries with absolute links, RFC 3339 dates and the newest update', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(
      true,
    );
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://example.com/blog/feed.xml"/>');
    expect(xml).toContain('  <updated>2026-12-04T00:00:00Z</updated>\n  <entry>');
    expect(xml).toContain('<published>2026-12-01T00:00:00Z</published>');
    expect(xml).toContain('<author><name>A &amp; B</name></author>');
    expect(xml).toContain('<category term="security"/>');
    expect(xml).toContain('<entry xml:lang="en">');
    expect(xml.match(/<entry[ >]/g)).toHaveLength(2);
  });
});
