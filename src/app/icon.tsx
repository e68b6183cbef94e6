import { ImageResponse } from 'next/og';
import { appConfig } from '@/platform/config/app-config';
import { brandPalette } from '@/platform/theme/brand-palette';
import { BrandMark } from './_shell/brand-mark';

// The favicon, drawn from the brand colour at build time. Replace this file
// with app/icon.png (or .svg) to use your own artwork instead.
export const size = { width: 32, height: 32 };
export const contentType = 'image/png';

export default function Icon() {
  const { fill, foreground } = brandPalette(appConfig.theme.brandColor).light;
  return new ImageResponse(<BrandMark size={32} background={fill} foreground={foreground} />, size);
}
