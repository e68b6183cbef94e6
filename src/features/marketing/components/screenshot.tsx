import { getImageProps } from 'next/image';
import { SCREENSHOT_SIZE } from '../landing-config';

/**
 * A screenshot of the app in the visitor's theme: both images carry their size (no layout shift),
 * the other theme's is `display: none`, and a lazy image that is not displayed is not downloaded.
 * Plain `<img>` elements with next/image's optimized `srcset` (`getImageProps`): the `<Image>` component
 * is a client component, and would put its script on every page that shows a screenshot.
 */
export function Screenshot({ name, alt }: { name: string; alt: string }) {
  const common = {
    ...SCREENSHOT_SIZE,
    sizes: '(min-width: 1024px) 36rem, calc(100vw - 2rem)',
    className: 'h-auto w-full',
  };
  return (
    <div className="overflow-hidden rounded-xl border bg-muted shadow-lg">
      {/* eslint-disable-next-line @next/next/no-img-element -- next/image's own props, rendered without its script */}
      <img
        {...getImageProps({
          ...common,
          alt,
          src: `/marketing/${name}-light.webp`,
          className: `${common.className} dark:hidden`,
        }).props}
        alt={alt}
      />
      {/* eslint-disable-next-line @next/next/no-img-element -- as above */}
      <img
        {...getImageProps({
          ...common,
          alt,
          src: `/marketing/${name}-dark.webp`,
          className: `${common.className} hidden dark:block`,
        }).props}
        alt={alt}
      />
    </div>
  );
}
