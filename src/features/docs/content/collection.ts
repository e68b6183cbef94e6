/**
 * The docs collection: every Markdown file under docs/, compiled once at build time (decision 0050).
 * Registered in content-collections.ts at the repository's root; pages read it from the generated
 * `content-collections` module through the feature's server face.
 */
import { defineCollection } from '@content-collections/core';
import { z } from 'zod';
import { buildAppConfig, LOCALES } from '../../../platform/config/app-config-schema';
import { compileGuide } from './compile-guide';
import { SOURCE_LOCALE } from './doc-paths';

export const docsCollection = defineCollection({
  name: 'docs',
  directory: 'docs',
  include: '**/*.md',
  // Frontmatter is optional: guides are read on GitHub too, where it shows as a table.
  schema: z.object({
    title: z.string().optional(),
    description: z.string().optional(),
    order: z.number().optional(),
    content: z.string(),
  }),
  transform: (document, context) => {
    const { docs } = buildAppConfig(process.env);
    const settings = {
      repositoryBlobUrl: docs.repositoryBlobUrl,
      translatedLocales: LOCALES.filter((locale) => locale !== SOURCE_LOCALE),
    };
    const { _meta, content, title, description, order } = document;
    return context.cache({ filePath: _meta.filePath, content, title, description, order, settings }, (source) =>
      compileGuide(source, source.settings),
    );
  },
});
