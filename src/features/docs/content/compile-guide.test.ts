import { describe, expect, it } from 'vitest';
import { compileGuide, indexSections } from './compile-guide';
import { docLocation } from './doc-paths';

const settings = { repositoryBlobUrl: 'https://git.example/keel/blob/main/', translatedLocales: ['es'] };

describe('where a guide lives', () => {
  it('maps files to languages and slugs; a README is its folder', () => {
    expect(docLocation('README.md', ['es'])).toEqual({ locale: 'en', slug: '' });
    expect(docLocation('billing/stripe.md', ['es'])).toEqual({ locale: 'en', slug: 'billing/stripe' });
    expect(docLocation('decisions/README.md', ['es'])).toEqual({ locale: 'en', slug: 'decisions' });
    expect(docLocation('es/billing/stripe.md', ['es'])).toEqual({ locale: 'es', slug: 'billing/stripe' });
    expect(docLocation('es.md', ['es'])).toEqual({ locale: 'en', slug: 'es' });
  });
});

describe('compiling a guide', () => {
  it('takes the title from the first heading, the description from the first paragraph', async () => {
    const guide = await compileGuide(
      {
        filePath: 'billing/stripe.md',
        content: '# Setting up **Stripe** `now`\n\nStripe takes **payments**.\n\n## Keys\n',
      },
      settings,
    );
    expect(guide).toMatchObject({ locale: 'en', slug: 'billing/stripe', title: 'Setting up Stripe now' });
    expect(guide.description).toBe('Stripe takes payments.');
    expect(guide.html).not.toContain('<h1');
    expect(guide.headings).toEqual([{ depth: 2, id: 'keys', text: 'Keys' }]);
  });

  it('prefers the frontmatter title and description', async () => {
    const guide = await compileGuide(
      { filePath: 'x.md', content: '# Heading\n\nBody.', title: 'Given', description: 'Said so.', order: 3 },
      settings,
    );
    expect(guide).toMatchObject({ title: 'Given', description: 'Said so.', order: 3 });
  });

  it('rewrites links between guides to site paths and other repository files to the repository', async () => {
    const guide = await compileGuide(
      {
        filePath: 'billing/stripe.md',
        content: [
          '# Stripe',
          '',
          'See [plans](configuring-plans.md#line-items), [the index](../README.md), [decisions](../decisions/),',
          '[keys](#keys), [the code](../../src/features/billing/server/gateway.ts) and [Stripe](https://stripe.com).',
          '',
          '## Keys',
        ].join('\n'),
      },
      settings,
    );
    expect(guide.html).toContain('href="/docs/billing/configuring-plans#line-items"');
    expect(guide.html).toContain('href="/docs"');
    expect(guide.html).toContain('href="/docs/decisions"');
    expect(guide.html).toContain('href="#keys"');
    expect(guide.html).toContain('href="https://git.example/keel/blob/main/src/features/billing/server/gateway.ts"');
    expect(guide.html).toContain('href="https://stripe.com"');
    expect(guide.links).toEqual([
      { href: 'configuring-plans.md#line-items', slug: 'billing/configuring-plans', anchor: 'line-items' },
      { href: '../README.md', slug: '', anchor: null },
      { href: '../decisions/', slug: 'decisions', anchor: null },
      { href: '#keys', slug: 'billing/stripe', anchor: 'keys' },
    ]);
    expect(guide.ids).toContain('keys');
  });

  it('highlights code at build time in both themes, and keeps code out of the search text', async () => {
    const guide = await compileGuide(
      { filePath: 'x.md', content: '# X\n\nProse words.\n\n```ts check\nconst secretIdentifier = 1;\n```\n' },
      settings,
    );
    expect(guide.html).toMatch(/<pre class="shiki shiki-themes github-light-default github-dark-default"/);
    expect(guide.html).toContain('--shiki-dark:');
    expect(guide.text).toContain('Prose words.');
    expect(guide.text).not.toContain('secretIdentifier');
  });

  it('renders GitHub tables', async () => {
    const guide = await compileGuide({ filePath: 'x.md', content: '| a | b |\n| - | - |\n| 1 | 2 |\n' }, settings);
    // Focusable, as it may scroll sideways on a narrow screen.
    expect(guide.html).toContain('<table tabindex="0">');
    expect(guide.html).toContain('<td>2</td>');
  });
});

describe("an index's sections", () => {
  it('lists the guides under each ## heading, in order, skipping sections without guides', () => {
    const sections = indexSections(
      'docs/README.md',
      '# Docs\n\n## Start\n\n- [A](a.md): x, [C](c.md)\n  - [B](sub/b.md#part)\n- [Code](../src/x.ts)\n\n## Empty\n\nText.\n' +
        '\n## List\n\nSee [the list](d/README.md) for more.\n',
      ['es'],
    );
    expect(sections).toEqual([
      { title: 'Start', slugs: ['a', 'sub/b'] },
      { title: 'List', slugs: ['d'] },
    ]);
  });
});
