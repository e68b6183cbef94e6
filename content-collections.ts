import { defineConfig } from '@content-collections/core';
import { postsCollection } from './src/features/blog/content/collections';
import { docsCollection } from './src/features/docs/content/collection';
import { legalCollection } from './src/features/legal/content/collection';

/**
 * The content pipeline (decision 0050): collections of Markdown/MDX files compiled at build time into
 * `.content-collections/generated`, imported as `content-collections`. `npm run dev` and `npm run build`
 * build it through next.config.ts; `npm run content` builds it alone (before a typecheck on a clean clone).
 */
export default defineConfig({
  content: [docsCollection, postsCollection, legalCollection],
});
