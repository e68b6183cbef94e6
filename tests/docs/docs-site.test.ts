import fs from 'node:fs';
import path from 'node:path';
import { createBuilder } from '@content-collections/core';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The docs site over the real docs/ folder: every guide is a page, every link between guides lands on a
 * guide (and on a heading of it when it names one), and the search index finds guides by their words.
 * The content pipeline runs first (content-collections.ts, cached in .content-collections/), so this
 * checks what `next build` would render.
 */

const root = path.resolve(import.meta.dirname, '../..');
let server: typeof import('@/features/docs/server');
let docs: typeof import('@/features/docs');
let allDocs: (typeof import('content-collections'))['allDocs'];

beforeAll(async () => {
  const builder = await createBuilder(path.join(root, 'content-collections.ts'));
  await builder.build();
  ({ allDocs } = await import('content-collections'));
  server = await import('@/features/docs/server');
  docs = await import('@/features/docs');
}, 300_000);

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(relative);
    return entry.name.endsWith('.md') ? [relative] : [];
  });
}

describe('the docs site', () => {
  it('has a page for every Markdown file in docs/, each once in the sidebar', () => {
    const files = markdownFiles('docs');
    expect(allDocs.map((doc) => doc.file).toSorted()).toEqual(files.toSorted());
    const sidebar = server.docsNavigation('en').flatMap((section) => section.items.map((item) => item.slug));
    expect(['', ...sidebar].toSorted()).toEqual(server.guideSlugs().toSorted());
    expect(server.docsNavigation('en').find((section) => section.title === 'Decisions')?.items.length).toBeGreaterThan(
      40,
    );
  });

  it('resolves every link between guides to a guide, and every anchor to a heading of it', () => {
    const bySlug = new Map(allDocs.filter((doc) => doc.locale === 'en').map((doc) => [doc.slug, doc]));
    const broken = allDocs.flatMap((doc) =>
      doc.links
        .filter((link) => {
          const target = bySlug.get(link.slug);
          return !target || (link.anchor !== null && !target.ids.includes(link.anchor));
        })
        .map((link) => `${doc.file}: ${link.href}`),
    );
    expect(broken).toEqual([]);
    expect(allDocs.reduce((count, doc) => count + doc.links.length, 0)).toBeGreaterThan(200);
  });

  it('falls back to English, marked, where a guide has no translation', () => {
    const found = server.findGuide('es', 'billing/stripe')!;
    expect(found.translated).toBe(false);
    expect(found.guide.locale).toBe('en');
    expect(server.findGuide('en', 'billing/stripe')!.translated).toBe(true);
    expect(server.findGuide('es', 'no/such-guide')).toBeNull();
  });

  it('finds a guide by a word of its body in the search index built for the site', async () => {
    const search = await docs.loadSearchIndex(await docs.serializeSearchIndex(server.searchableGuides('en')));
    expect(search('graphile').map((hit) => hit.id)).toContain('billing/job-queue');
    expect(search('Row-level security')[0]).toMatchObject({ id: expect.stringMatching(/row-level-security/) });
    expect(search('zzqqxx')).toEqual([]);
  });
});
