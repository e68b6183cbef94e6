import Image from 'next/image';
import { SCREENSHOT_SIZE } from '../landing-config';

/**
 * A screenshot of the app in the visitor's theme: both images carry their size (no layout shift),
 * the other theme's is `display: none`, and a lazy image that is not displayed is not downloaded.
 */
export function Screenshot({ name, alt }: { name: string; alt: string }) {
  const common = {
    ...SCREENSHOT_SIZE,
    sizes: '(min-width: 1024px) 36rem, calc(100vw - 2rem)',
    className: 'h-auto w-full',
  };
  return (
    <div className="overflow-hidden rounded-xl border bg-muted shadow-lg">
      <Image
        {...common}
        alt={alt}
        src={`/marketing/${name}-light.webp`}
        className={`${common.className} dark:hidden`}
      />
      <Image
        {...common}
        alt={alt}
        src={`/marketing/${name}-dark.webp`}
        className={`${common.className} hidden dark:block`}
      />
    </div>
  );
}
