import { appConfig } from '@/platform/config/app-config';
import { cn } from '@/ui/cn';
import { BrandMark } from './brand-mark';

/**
 * The brand logo. With NEXT_PUBLIC_LOGO_URL (and optionally
 * NEXT_PUBLIC_LOGO_DARK_URL for dark backgrounds) it shows your image;
 * otherwise a mark in the brand colour and the site name.
 */
export function Logo({ className, showName = true }: { className?: string; showName?: boolean }) {
  const { logo, name } = appConfig.site;
  if (logo.light) {
    return (
      <span className={cn('inline-flex items-center', className)}>
        {/*
          eslint-disable-next-line @next/next/no-img-element -- any format, including SVG, without the image optimiser
        */}
        <img src={logo.light} alt={name} className={cn('h-8 w-auto', logo.dark && 'dark:hidden')} />
        {logo.dark ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={logo.dark} alt={name} className="hidden h-8 w-auto dark:block" />
        ) : null}
      </span>
    );
  }
  return (
    <span className={cn('inline-flex items-center gap-2 font-semibold text-foreground', className)}>
      <BrandMark className="size-8 shrink-0" />
      {showName ? <span className="text-lg tracking-tight">{name}</span> : <span className="sr-only">{name}</span>}
    </span>
  );
}
