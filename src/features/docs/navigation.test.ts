import { describe, expect, it } from 'vitest';
import { buildNavigation, neighbours, readingOrder, sectionOf, type GuideEntry } from './navigation';

const guide = (slug: string, title: string, order: number | null = null): GuideEntry => ({
  slug,
  title,
  order,
  sections: [],
});

const index: GuideEntry = {
  ...guide('', 'Docs'),
  sections: [
    { title: 'Start here', slugs: ['getting-started', 'troubleshooting'] },
    { title: 'Billing', slugs: ['billing/stripe', 'billing/plans', 'billing/missing', 'getting-started'] },
    { title: 'Decisions', slugs: ['decisions', 'performance'] },
  ],
};

const guides = [
  index,
  guide('troubleshooting', 'Troubleshooting'),
  guide('getting-started', 'Getting started'),
  guide('billing/plans', 'Plans'),
  guide('billing/stripe', 'Stripe'),
  guide('billing/paddle', 'Paddle', 1),
  guide('decisions/0002-b', '0002 — B'),
  guide('decisions/0001-a', '0001 — A'),
  guide('decisions', 'Decision records'),
  guide('content/writing', 'Writing', 2),
  guide('content/blog', 'Blog', 1),
  guide('performance', 'Performance'),
  guide('glossary', 'Glossary'),
];

describe('the docs sidebar', () => {
  const sections = buildNavigation(guides);

  it("follows docs/README.md's sections and order, each guide once, skipping links to missing guides", () => {
    expect(sections.slice(0, 2)).toEqual([
      {
        title: 'Start here',
        items: [
          { slug: 'getting-started', title: 'Getting started' },
          { slug: 'troubleshooting', title: 'Troubleshooting' },
        ],
      },
      {
        title: 'Billing',
        items: [
          { slug: 'billing/stripe', title: 'Stripe' },
          { slug: 'billing/plans', title: 'Plans' },
          { slug: 'billing/paddle', title: 'Paddle' },
        ],
      },
    ]);
  });

  it('puts unlisted guides after their folder page, else in a section per folder, by order then path', () => {
    expect(sections[2]!.items.map((item) => item.slug)).toEqual([
      'decisions',
      'decisions/0001-a',
      'decisions/0002-b',
      'performance',
    ]);
    expect(sections.slice(3)).toEqual([
      {
        title: 'Content',
        items: [
          { slug: 'content/blog', title: 'Blog' },
          { slug: 'content/writing', title: 'Writing' },
        ],
      },
      { title: 'Guides', items: [{ slug: 'glossary', title: 'Glossary' }] },
    ]);
  });

  it('lists every guide exactly once', () => {
    const order = readingOrder(sections);
    expect(order.toSorted()).toEqual(guides.map((entry) => entry.slug).toSorted());
  });

  it('gives previous and next in reading order, and the section of a page', () => {
    expect(neighbours(sections, '')).toEqual({ previous: null, next: 'getting-started' });
    expect(neighbours(sections, 'billing/paddle')).toEqual({ previous: 'billing/plans', next: 'decisions' });
    expect(neighbours(sections, 'glossary')).toEqual({ previous: 'content/writing', next: null });
    expect(sectionOf(sections, 'decisions/0002-b')?.title).toBe('Decisions');
  });
});
