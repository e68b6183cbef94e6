import type { Locale } from '@/platform/config/app-config';

export interface Author {
  /** The id posts name in their `authors` list, and the author page's URL segment. */
  id: string;
  name: string;
  /** schema.org type of the byline (Article JSON-LD): a person, or a team writing as one. */
  kind: 'Person' | 'Organization';
  /** One sentence per language; the default language's is used where one is missing. */
  bio: Partial<Record<Locale, string>> & { en: string };
  /** Where to read more (a profile or a repository), if anywhere. */
  url?: string;
}

/**
 * The blog's authors. A post names them by id; the build fails on an id not listed
 * here (content-collections.ts), so a typo never publishes a post without a byline.
 */
export const AUTHORS: readonly Author[] = [
  {
    id: 'keel-maintainers',
    name: 'The Keel maintainers',
    kind: 'Organization',
    bio: {
      en: 'The people who build and review Keel, the open-source SaaS starter kit on Next.js and PostgreSQL.',
      es: 'Quienes construyen y revisan Keel, el kit de inicio SaaS de código abierto sobre Next.js y PostgreSQL.',
    },
  },
];

export function findAuthor(id: string): Author | undefined {
  return AUTHORS.find((author) => author.id === id);
}

export function authorBio(author: Author, locale: Locale): string {
  return author.bio[locale] ?? author.bio.en;
}
