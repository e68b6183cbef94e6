'use client';

import { cva, type VariantProps } from 'class-variance-authority';
import { Dialog as SheetPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from './cn';
import { DialogCloseButton, DialogOverlay } from './dialog';

/** A panel that slides in from a screen edge (mobile navigation, filters), built on Radix Dialog. */
export const Sheet = SheetPrimitive.Root;
export const SheetTrigger = SheetPrimitive.Trigger;
export const SheetClose = SheetPrimitive.Close;
export const SheetPortal = SheetPrimitive.Portal;
export const SheetOverlay = DialogOverlay;

const sheetVariants = cva(
  [
    'fixed z-50 flex flex-col gap-4 overflow-y-auto bg-background p-6 text-foreground shadow-lg',
    'transition-transform duration-300 ease-out motion-reduce:transition-none',
  ],
  {
    variants: {
      side: {
        left: 'inset-y-0 left-0 h-full w-[min(20rem,calc(100%-3rem))] border-r border-border starting:-translate-x-full',
        right:
          'inset-y-0 right-0 h-full w-[min(20rem,calc(100%-3rem))] border-l border-border starting:translate-x-full',
        top: 'inset-x-0 top-0 max-h-[85dvh] border-b border-border starting:-translate-y-full',
        bottom: 'inset-x-0 bottom-0 max-h-[85dvh] border-t border-border starting:translate-y-full',
      },
    },
    defaultVariants: { side: 'right' },
  },
);

export interface SheetContentProps
  extends ComponentProps<typeof SheetPrimitive.Content>, VariantProps<typeof sheetVariants> {
  /** Accessible name of the corner close button; without it no corner button is shown. */
  closeLabel?: string;
}

/** Give it a SheetTitle (sr-only if need be) and a SheetDescription or `aria-describedby={undefined}`. */
export function SheetContent({ side, className, children, closeLabel, ...props }: SheetContentProps) {
  return (
    <SheetPortal>
      <SheetOverlay />
      <SheetPrimitive.Content className={cn(sheetVariants({ side }), className)} {...props}>
        {children}
        {closeLabel ? <DialogCloseButton label={closeLabel} /> : null}
      </SheetPrimitive.Content>
    </SheetPortal>
  );
}

export function SheetHeader({ className, ...props }: ComponentProps<'div'>) {
  // Room on the right for the corner close button.
  return <div className={cn('flex flex-col gap-1.5 pr-8', className)} {...props} />;
}

export function SheetFooter({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('mt-auto flex flex-col gap-2', className)} {...props} />;
}

export function SheetTitle({ className, ...props }: ComponentProps<typeof SheetPrimitive.Title>) {
  return <SheetPrimitive.Title className={cn('text-lg font-semibold', className)} {...props} />;
}

export function SheetDescription({ className, ...props }: ComponentProps<typeof SheetPrimitive.Description>) {
  return <SheetPrimitive.Description className={cn('text-sm text-muted-foreground', className)} {...props} />;
}
