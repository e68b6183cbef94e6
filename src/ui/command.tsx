'use client';

import { Command as CommandPrimitive, useCommandState } from 'cmdk';
import { Search } from 'lucide-react';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from './dialog';

/*
 * A filterable list of actions (command palette, searchable pickers), on cmdk.
 * Arrow keys move, Enter selects (CommandItem's onSelect), typing filters.
 * Give <Command> a `label` (or <CommandInput> an aria-label) for screen readers.
 */

export function Command({ className, ...props }: ComponentProps<typeof CommandPrimitive>) {
  return (
    <CommandPrimitive
      className={cn('flex size-full flex-col overflow-hidden rounded-md bg-popover text-popover-foreground', className)}
      {...props}
    />
  );
}

export function CommandInput({ className, ...props }: ComponentProps<typeof CommandPrimitive.Input>) {
  return (
    <div data-command-input-wrapper="" className="flex items-center gap-2 border-b border-border px-3">
      <Search aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
      <CommandPrimitive.Input
        className={cn(
          'flex h-11 w-full min-w-0 rounded-md bg-transparent py-3 text-base outline-none placeholder:text-muted-foreground sm:text-sm',
          'disabled:cursor-not-allowed disabled:opacity-50',
          className,
        )}
        {...props}
      />
    </div>
  );
}

export function CommandList({ className, ...props }: ComponentProps<typeof CommandPrimitive.List>) {
  return (
    <CommandPrimitive.List
      className={cn('max-h-80 scroll-py-1 overflow-x-hidden overflow-y-auto p-1', className)}
      {...props}
    />
  );
}

export function CommandEmpty({ className, ...props }: ComponentProps<typeof CommandPrimitive.Empty>) {
  return (
    <CommandPrimitive.Empty className={cn('py-6 text-center text-sm text-muted-foreground', className)} {...props} />
  );
}

export function CommandLoading({ className, ...props }: ComponentProps<typeof CommandPrimitive.Loading>) {
  return (
    <CommandPrimitive.Loading className={cn('py-6 text-center text-sm text-muted-foreground', className)} {...props} />
  );
}

export function CommandGroup({ className, ...props }: ComponentProps<typeof CommandPrimitive.Group>) {
  return (
    <CommandPrimitive.Group
      className={cn(
        'overflow-hidden text-foreground [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted-foreground',
        className,
      )}
      {...props}
    />
  );
}

/**
 * A divider between groups, hidden while the user is filtering (like cmdk's).
 * Ours is presentational: cmdk's role="separator" is not allowed inside a listbox.
 */
export function CommandSeparator({
  className,
  alwaysRender = false,
  ...props
}: ComponentProps<'div'> & { alwaysRender?: boolean }) {
  const searching = useCommandState((state) => state.search !== '');
  if (searching && !alwaysRender) return null;
  return <div role="none" className={cn('-mx-1 my-1 h-px bg-border', className)} {...props} />;
}

export function CommandItem({ className, ...props }: ComponentProps<typeof CommandPrimitive.Item>) {
  return (
    <CommandPrimitive.Item
      className={cn(
        'relative flex cursor-default items-center gap-2 rounded-sm px-2 py-2 text-sm outline-none select-none',
        'data-[disabled=true]:pointer-events-none data-[disabled=true]:opacity-50 data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground',
        "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
        className,
      )}
      {...props}
    />
  );
}

/** A keyboard shortcut hint at the end of an item (hidden from assistive technology). */
export function CommandShortcut({ className, ...props }: ComponentProps<'span'>) {
  return (
    <span
      aria-hidden="true"
      className={cn('ml-auto text-xs tracking-widest text-muted-foreground', className)}
      {...props}
    />
  );
}

export interface CommandDialogProps extends ComponentProps<typeof Dialog> {
  /** The dialog's accessible name (visually hidden), e.g. "Command palette". */
  title: string;
  /** Visually hidden help, e.g. "Search for a page or an action". */
  description?: string;
  /** Accessible name of the corner close button; without it Escape still closes. */
  closeLabel?: string;
  /** Props for the inner Command (e.g. `label`, `filter`, `loop`). */
  commandProps?: Omit<ComponentProps<typeof CommandPrimitive>, 'children'>;
  className?: string;
  children: ReactNode;
}

/** The palette in a modal, e.g. opened with ⌘K / Ctrl+K by the caller. */
export function CommandDialog({
  title,
  description,
  closeLabel,
  commandProps,
  className,
  children,
  ...props
}: CommandDialogProps) {
  return (
    <Dialog {...props}>
      <DialogContent
        closeLabel={closeLabel}
        // Without a description, tell Radix there is none on purpose.
        {...(description ? {} : { 'aria-describedby': undefined })}
        className={cn(
          'top-[10dvh] translate-y-0 gap-0 overflow-hidden p-0 sm:top-[15dvh] sm:max-w-xl',
          closeLabel && '[&_[data-command-input-wrapper]]:pr-12',
          className,
        )}
      >
        <DialogTitle className="sr-only">{title}</DialogTitle>
        {description ? <DialogDescription className="sr-only">{description}</DialogDescription> : null}
        <Command loop {...commandProps}>
          {children}
        </Command>
      </DialogContent>
    </Dialog>
  );
}
