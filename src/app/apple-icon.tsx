import { ImageResponse } from 'next/og';
import { appConfig } from '@/platform/config/app-config';
import { brandPalette } from '@/platform/theme/brand-palette';
import { BrandMark } from './_shell/brand-mark';

// The home-screen icon for iOS. Replace with app/apple-icon.png to use your own.
export const size = { width: 180, height: 180 };
export const contentType = 'image/png';

export default function AppleIcon() {
  const { fill, foreground } = brandPalette(appConfig.theme.brandColor).light;
  return new ImageResponse(<BrandMark size={180} background={fill} foreground={foreground} />, size);
}
