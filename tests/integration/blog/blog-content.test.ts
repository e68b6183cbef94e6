import { afterEach, describe, expect, it, vi } from 'vitest';

/** The blog's server face over the real posts in content/blog (built by `npm run content`). */
async function blogServer(nodeEnv: 'production' | 'development') {
  vi.stubEnv('NODE_ENV', nodeEnv);
  vi.resetModules();
  return import('@/features/blog/server');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the blog in production', () => {
  it('leaves drafts out of the index, the feed and the sitemap', async () => {
    const blog = await blogServer('production');
    const slugs = blog.blogPosts('en').map(({ post }) => post.slug);
    expect(slugs).toEqual(['one-gateway-three-providers', 'tests-on-real-postgresql', 'why-row-level-security']);
    expect(blog.blogPost('en', 'whats-next')).toBeUndefined();
    expect(blog.blogFeed('en')).not.toContain('whats-next');
    expect(blog.blogSitemapEntries().map((entry) => entry.url)).not.toContainEqual(
      expect.stringContaining('whats-next'),
    );
  });

  it('shows a Spanish visitor the translation, and the English posts marked as fallbacks', async () => {
    const blog = await blogServer('production');
    expect(blog.blogPosts('es').map(({ post, fallback }) => [post.slug, post.locale, fallback])).toEqual([
      ['one-gateway-three-providers', 'en', true],
      ['tests-on-real-postgresql', 'en', true],
      ['why-row-level-security', 'es', false],
    ]);
    expect(blog.blogPostLanguages('why-row-level-security')).toEqual(['en', 'es']);
  });

  it('writes each language’s feed with absolute URLs to that language’s pages', async () => {
    const blog = await blogServer('production');
    const feed = blog.blogFeed('es');
    expect(feed).toContain(
      '<link rel="self" type="application/atom+xml" href="http://localhost:3000/es/blog/feed.xml"/>',
    );
    expect(feed).toContain('<id>http://localhost:3000/es/blog/why-row-level-security</id>');
    expect(feed).toContain('<title>Por qué Keel separa a los clientes con seguridad a nivel de fila</title>');
    expect(feed).toContain('<entry xml:lang="en">');
    expect(feed.match(/<entry[ >]/g)).toHaveLength(3);
  });

  it('lists posts, tags and authors in the sitemap, each post in the languages it is written in', async () => {
    const urls = (await blogServer('production')).blogSitemapEntries().map((entry) => entry.url);
    expect(urls).toContain('http://localhost:3000/blog');
    expect(urls).toContain('http://localhost:3000/es/blog/why-row-level-security');
    expect(urls).not.toContain('http://localhost:3000/es/blog/tests-on-real-postgresql');
    expect(urls).toContain('http://localhost:3000/blog/tags/security');
    expect(urls).toContain('http://localhost:3000/blog/authors/keel-maintainers');
  });
});

describe('the blog in development', () => {
  it('shows drafts', async () => {
    const blog = await blogServer('development');
    expect(blog.blogPost('en', 'whats-next')?.post.draft).toBe(true);
  });
});

describe('a real post', () => {
  it('carries its reading time, table of contents and highlighted code', async () => {
    const entry = (await blogServer('production')).blogPost('en', 'why-row-level-security')!;
    expect(entry.post.readingMinutes).toBeGreaterThanOrEqual(3);
    expect(entry.post.headings.map((heading) => heading.id)).toContain('how-the-tests-prove-it');
    // shiki ran at build time: tokens carry both themes' colours.
    expect(entry.post.mdx).toContain('--shiki-dark');
  });
});
