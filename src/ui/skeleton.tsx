import type { ComponentProps } from 'react';
import { cn } from './cn';

/**
 * A placeholder block shown while content loads. It is hidden from assistive
 * technology: announce the loading state once, on the region (aria-busy) or
 * with a status message, rather than per block.
 */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      aria-hidden="true"
      className={cn('animate-pulse rounded-md bg-muted-foreground/20 motion-reduce:animate-none', className)}
      {...props}
    />
  );
}
