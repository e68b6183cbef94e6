/**
 * The legal pages: content/legal/<locale>/<slug>.mdx, MDX templates compiled once at build time and filled in
 * with the configuration when rendered (<SiteName />, <Company />…: components/legal-body.tsx). Registered in
 * content-collections.ts at the repository's root.
 */
import { defineCollection } from '@content-collections/core';
import { compileMDX } from '@content-collections/mdx';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../../platform/config/constants';
import { markdownPlugins } from '../../../platform/content/markdown-plugins';

export const legalCollection = defineCollection({
  name: 'legalPages',
  directory: 'content/legal',
  include: '*/*.mdx',
  schema: z.object({ content: z.string() }),
  transform: async (document, context) => {
    const [locale = '', slug = ''] = document._meta.path.split('/');
    if (!LOCALES.includes(locale as Locale)) {
      // Thrown on first use by the server face (content-collections would only log it and skip the file).
      return { locale: null, slug, mdx: '', problem: `content/legal/${document._meta.filePath}: unknown locale` };
    }
    const mdx = await compileMDX(context, document, markdownPlugins());
    return { locale: locale as Locale, slug, mdx, problem: null };
  },
});
