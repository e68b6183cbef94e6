import { ImageResponse } from 'next/og';
import type { ReactNode } from 'react';
import { appConfig } from '@/platform/config/app-config';
import { brandPalette } from '@/platform/theme/brand-palette';

/** The size of every generated Open Graph image (what Facebook, LinkedIn and X show in full). */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 };

export interface ContentOgImageInput {
  /** A short line above the title: "Documentation", a post's tag or date. */
  eyebrow: string;
  title: string;
  description?: string;
  /** The brand mark (src/app/_shell/brand-mark.tsx), drawn in the corner. */
  mark?: ReactNode;
}

/**
 * The social image of one docs page or blog post, generated at build time (an `opengraph-image.tsx` with
 * `generateStaticParams`). The text uses the font Next.js ships inside `next/og`, read from node_modules:
 * nothing is downloaded at build. Long titles and descriptions are cut to fit.
 */
export function contentOgImage({ eyebrow, title, description, mark }: ContentOgImageInput): ImageResponse {
  const { fill } = brandPalette(appConfig.theme.brandColor).light;
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: 72,
        background: '#ffffff',
        color: '#0b0f19',
        borderTop: `16px solid ${fill}`,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 20, fontSize: 32, color: '#475569' }}>
        {mark}
        <span>{appConfig.site.name}</span>
        <span style={{ color: '#94a3b8' }}>·</span>
        <span style={{ color: fill }}>{eyebrow}</span>
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
        <div style={{ fontSize: title.length > 50 ? 60 : 76, lineHeight: 1.1, letterSpacing: -1 }}>
          {cut(title, 90)}
        </div>
        {description ? (
          <div style={{ fontSize: 30, lineHeight: 1.4, color: '#475569' }}>{cut(description, 160)}</div>
        ) : null}
      </div>
    </div>,
    OG_IMAGE_SIZE,
  );
}
