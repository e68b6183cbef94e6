import { ImageResponse } from 'next/og';
import { appConfig } from '@/platform/config/app-config';
import { brandPalette } from '@/platform/theme/brand-palette';

/** The size every social image is drawn at (Open Graph's recommended 1.91:1). */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 };

export interface OgImageInput {
  /** The page's title, large. */
  title: string;
  /** A short line above it: the section ("Blog", "Docs"). */
  eyebrow?: string;
  /** A line below it: the date and reading time, or a summary. */
  footnote?: string;
}

/**
 * A page's social image, drawn at build time by an `opengraph-image.tsx` (blog posts, docs pages): the
 * title on white with the brand colour's bar and the site's name. The text uses the font bundled inside
 * `next` (next/og's default, Geist), so nothing is downloaded at build or run time; titles in scripts it
 * does not cover (CJK, emoji) would make next/og fetch glyphs — pass a vendored font to `fonts` then.
 */
export function ogImage({ title, eyebrow, footnote }: OgImageInput) {
  const { fill } = brandPalette(appConfig.theme.brandColor).light;
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        background: '#ffffff',
        color: '#0b0f19',
        borderTop: `24px solid ${fill}`,
        padding: '64px 80px',
      }}
    >
      {eyebrow ? <div style={{ fontSize: 34, color: fill, letterSpacing: 1 }}>{eyebrow}</div> : null}
      <div
        style={{
          fontSize: title.length > 60 ? 60 : 72,
          lineHeight: 1.15,
          marginTop: 28,
          maxWidth: 1040,
          display: 'flex',
        }}
      >
        {title}
      </div>
      <div style={{ marginTop: 'auto', display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end' }}>
        <div style={{ fontSize: 30, color: '#475569' }}>{footnote ?? ''}</div>
        <div style={{ fontSize: 40, color: '#0b0f19' }}>{appConfig.site.name}</div>
      </div>
    </div>,
    OG_IMAGE_SIZE,
  );
}
