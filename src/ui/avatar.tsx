'use client';

import { cva, type VariantProps } from 'class-variance-authority';
import { Avatar as AvatarPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from './cn';
import { initialsFromName } from './initials';

const avatarVariants = cva(
  'relative inline-flex shrink-0 overflow-hidden rounded-full bg-muted align-middle select-none',
  {
    variants: {
      size: {
        sm: 'size-8 text-xs',
        md: 'size-10 text-sm',
        lg: 'size-14 text-lg',
      },
    },
    defaultVariants: { size: 'md' },
  },
);

export interface AvatarProps
  extends Omit<ComponentProps<typeof AvatarPrimitive.Root>, 'children'>, VariantProps<typeof avatarVariants> {
  /** The person's or organization's name: the accessible name, and the source of the initials. */
  name: string;
  /** Image URL; the initials show while it loads or if it fails. */
  src?: string | null;
  /** Hide from assistive technology when the name is already written next to the avatar. */
  decorative?: boolean;
}

export function Avatar({ name, src, decorative = false, size, className, ...props }: AvatarProps) {
  return (
    <AvatarPrimitive.Root
      role={decorative ? undefined : 'img'}
      aria-label={decorative ? undefined : name}
      aria-hidden={decorative || undefined}
      className={cn(avatarVariants({ size }), className)}
      {...props}
    >
      {src ? <AvatarPrimitive.Image src={src} alt="" className="aspect-square size-full object-cover" /> : null}
      <AvatarPrimitive.Fallback
        aria-hidden="true"
        className="flex size-full items-center justify-center font-medium text-muted-foreground"
        delayMs={src ? 300 : undefined}
      >
        {initialsFromName(name)}
      </AvatarPrimitive.Fallback>
    </AvatarPrimitive.Root>
  );
}
