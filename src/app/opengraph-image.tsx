import { ImageResponse } from 'next/og';
import { appConfig } from '@/platform/config/app-config';
import { brandPalette } from '@/platform/theme/brand-palette';
import { BrandMark } from './_shell/brand-mark';

// The default image shown when a page is shared. A page can export its own
// opengraph-image; replace this file with app/opengraph-image.png for a fixed one.
export const alt = appConfig.site.name;
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';

export default function OpenGraphImage() {
  const { fill, foreground } = brandPalette(appConfig.theme.brandColor).light;
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        padding: 80,
        background: '#ffffff',
        color: '#0b0f19',
      }}
    >
      <BrandMark size={120} background={fill} foreground={foreground} />
      <div style={{ fontSize: 80, fontWeight: 700, marginTop: 40 }}>{appConfig.site.name}</div>
      <div style={{ fontSize: 36, marginTop: 16, color: '#475569', maxWidth: 1000 }}>{appConfig.site.description}</div>
    </div>,
    size,
  );
}
