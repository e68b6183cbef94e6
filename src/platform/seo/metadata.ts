import type { Metadata } from 'next';
import { appConfig, type Locale } from '@/platform/config/app-config';
import { languageAlternates, localizedUrl } from './localized-path';

/** An image for link previews (Open Graph and Twitter cards); relative URLs resolve on the site URL. */
interface SocialImage {
  url: string;
  width?: number;
  height?: number;
  alt?: string;
}

export interface PublicMetadataInput {
  locale: Locale;
  /** The page's path without its language (`/pricing`, `/blog/my-post`). */
  path: string;
  /** The page's own title; the root layout's template adds the site name (`Pricing · Keel`). */
  title: string;
  description: string;
  /** Without images the nearest `opengraph-image` file of the route applies. */
  images?: SocialImage[];
  /** `article` for blog posts; `website` otherwise. */
  type?: 'website' | 'article';
}

/**
 * The metadata every public page carries: title, description, its canonical URL (its own language's
 * URL), hreflang alternates for every language plus `x-default`, and Open Graph / Twitter cards.
 * Page-level `openGraph` replaces the layout's whole object in Next.js, so the site name is repeated here.
 */
export function publicMetadata({ locale, path, title, description, images, type }: PublicMetadataInput): Metadata {
  const url = localizedUrl(locale, path);
  const socialTitle = `${title} · ${appConfig.site.name}`;
  return {
    title,
    description,
    alternates: { canonical: url, languages: languageAlternates(path) },
    openGraph: {
      type: type ?? 'website',
      siteName: appConfig.site.name,
      locale,
      url,
      title: socialTitle,
      description,
      ...(images ? { images } : {}),
    },
    twitter: {
      card: 'summary_large_image',
      title: socialTitle,
      description,
      ...(images ? { images } : {}),
    },
  };
}
