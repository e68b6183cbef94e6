import type { MetadataRoute } from 'next';
import { appConfig } from '@/platform/config/app-config';

/** The web app manifest (install to home screen), from the configuration. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: appConfig.site.name,
    short_name: appConfig.site.name,
    description: appConfig.site.description,
    start_url: appConfig.paths.dashboard,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: appConfig.theme.brandColor,
    icons: [
      { src: '/icon', sizes: '32x32', type: 'image/png' },
      { src: '/apple-icon', sizes: '180x180', type: 'image/png' },
    ],
  };
}
