'use client';

import { cva } from 'class-variance-authority';
import { X } from 'lucide-react';
import { Toast as ToastPrimitive } from 'radix-ui';
import { useSyncExternalStore, type ComponentProps, type ReactNode } from 'react';
import { buttonVariants } from './button';
import { cn } from './cn';

/*
 * Toasts: brief, non-blocking messages ("Saved", "Invitation sent"). Mount
 * <Toaster> once in a layout; call `toast(…)` from any client code.
 *
 * One toast per kind: a toast replaces the one of the same kind on screen
 * rather than standing beside it (saving twice shows one "Saved"). A text
 * that may outlive the page's language (a change of language, then
 * router.refresh()) is best given as a component that translates when it
 * renders, e.g. `title: <Saved />` with `useTranslations` inside. It renders
 * in the root layout's toaster, so it finds only the messages every page gets
 * (`common`, `errors`): not those a page's `<ClientMessages>` adds.
 */

export type ToastVariant = 'default' | 'success' | 'destructive';

export interface ToastOptions {
  title?: ReactNode;
  description?: ReactNode;
  variant?: ToastVariant;
  /** Milliseconds before it closes itself; `Infinity` keeps it until dismissed. Defaults to the Toaster's duration. */
  duration?: number;
  /** One action button. `altText` tells screen-reader users how to do the same elsewhere (Radix requires it). */
  action?: { label: ReactNode; altText: string; onClick: () => void };
  /**
   * What the toast is about ("preferences-saved"): a new toast replaces an open one of the same kind.
   * Defaults to the variant and the title when the title is text.
   */
  kind?: string;
}

export interface ToastRecord extends ToastOptions {
  id: string;
  open: boolean;
}

const MAX_TOASTS = 5;
// Kept briefly after closing so the closing state reaches Radix before removal.
const REMOVE_DELAY_MS = 400;

let toasts: ToastRecord[] = [];
let counter = 0;
const listeners = new Set<() => void>();
const EMPTY: readonly ToastRecord[] = [];

function emit(next: ToastRecord[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Closes one toast, or all of them without an id. */
export function dismissToast(id?: string) {
  const closing = toasts.filter((t) => t.open && (id === undefined || t.id === id)).map((t) => t.id);
  if (closing.length === 0) return;
  emit(toasts.map((t) => (closing.includes(t.id) ? { ...t, open: false } : t)));
  setTimeout(() => emit(toasts.filter((t) => !closing.includes(t.id))), REMOVE_DELAY_MS);
}

function kindOf(options: ToastOptions): string | undefined {
  if (options.kind) return options.kind;
  return typeof options.title === 'string' ? `${options.variant ?? 'default'}:${options.title}` : undefined;
}

/** Shows a toast, in place of one of the same kind. Returns its id and functions to update or dismiss it. */
export function toast(options: ToastOptions) {
  counter += 1;
  const id = `toast-${counter}`;
  const kind = kindOf(options);
  // A new id: the replacement is announced and timed afresh.
  const others = kind === undefined ? toasts : toasts.filter((t) => kindOf(t) !== kind);
  emit([...others, { ...options, id, open: true }].slice(-MAX_TOASTS));
  return {
    id,
    dismiss: () => dismissToast(id),
    update: (changes: ToastOptions) => emit(toasts.map((t) => (t.id === id ? { ...t, ...changes } : t))),
  };
}

toast.success = (options: Omit<ToastOptions, 'variant'>) => toast({ ...options, variant: 'success' });
toast.error = (options: Omit<ToastOptions, 'variant'>) => toast({ ...options, variant: 'destructive' });
toast.dismiss = dismissToast;

/** The current toasts, outside React (tests, debugging). */
export function getToasts(): readonly ToastRecord[] {
  return toasts;
}

/** The current toasts, re-rendering on change (for a custom renderer); Toaster uses it. */
export function useToasts() {
  return useSyncExternalStore(subscribe, getToasts, () => EMPTY);
}

const toastVariants = cva(
  [
    'group pointer-events-auto relative flex w-full items-start gap-3 overflow-hidden rounded-lg border p-4 pr-10 shadow-lg',
    'transition-[opacity,translate] motion-reduce:transition-none starting:translate-y-2 starting:opacity-0',
    'data-[state=closed]:opacity-0',
    'data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) data-[swipe=move]:transition-none',
    'data-[swipe=cancel]:translate-x-0 data-[swipe=end]:translate-x-(--radix-toast-swipe-end-x)',
  ],
  {
    variants: {
      variant: {
        default: 'border-border bg-popover text-popover-foreground',
        success: 'border-success bg-success text-success-foreground',
        destructive: 'border-destructive bg-destructive text-destructive-foreground',
      },
    },
    defaultVariants: { variant: 'default' },
  },
);

export interface ToasterProps {
  /** Accessible name of each toast's close button, e.g. "Close". */
  closeLabel: string;
  /** Name of the notifications region; `{hotkey}` is replaced by the shortcut, e.g. "Notifications ({hotkey})". */
  regionLabel: string;
  /** Announced before each toast by screen readers, e.g. "Notification". */
  toastLabel: string;
  /** Default time on screen in milliseconds. */
  duration?: number;
  className?: string;
}

/** Renders the toasts raised with `toast()`. Mount exactly once, in the root layout. */
export function Toaster({ closeLabel, regionLabel, toastLabel, duration = 5000, className }: ToasterProps) {
  const items = useToasts();
  return (
    <ToastPrimitive.Provider label={toastLabel} duration={duration} swipeDirection="right">
      {items.map((item) => (
        <ToastItem key={item.id} item={item} closeLabel={closeLabel} />
      ))}
      <ToastPrimitive.Viewport
        label={regionLabel}
        className={cn(
          'fixed right-0 bottom-0 z-[100] m-0 flex max-h-dvh w-full list-none flex-col gap-2 p-4 outline-none sm:max-w-sm',
          'focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring',
          className,
        )}
      />
    </ToastPrimitive.Provider>
  );
}

function ToastItem({ item, closeLabel }: { item: ToastRecord; closeLabel: string }) {
  const { id, title, description, variant, duration, action, open } = item;
  return (
    <ToastPrimitive.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) dismissToast(id);
      }}
      duration={duration}
      // Failures interrupt (assertive); confirmations wait their turn (polite).
      type={variant === 'destructive' ? 'foreground' : 'background'}
      className={toastVariants({ variant })}
    >
      <div className="grid min-w-0 flex-1 gap-1">
        {title ? <ToastPrimitive.Title className="text-sm font-semibold">{title}</ToastPrimitive.Title> : null}
        {description ? (
          <ToastPrimitive.Description className="text-sm">{description}</ToastPrimitive.Description>
        ) : null}
      </div>
      {action ? (
        <ToastPrimitive.Action
          altText={action.altText}
          onClick={action.onClick}
          className={cn(
            buttonVariants({ variant: 'outline', size: 'sm' }),
            'shrink-0 self-center border-current bg-transparent text-current shadow-none hover:bg-transparent hover:text-current hover:underline focus-visible:outline-current',
          )}
        >
          {action.label}
        </ToastPrimitive.Action>
      ) : null}
      <ToastClose label={closeLabel} />
    </ToastPrimitive.Root>
  );
}

function ToastClose({ label, className, ...props }: ComponentProps<typeof ToastPrimitive.Close> & { label: string }) {
  return (
    <ToastPrimitive.Close
      className={cn(
        'absolute top-2 right-2 inline-flex size-7 cursor-pointer items-center justify-center rounded-md text-current transition-colors',
        // The outline takes the text colour: the ring colour may not stand out on a red or green toast.
        'hover:bg-current/15 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-current',
        className,
      )}
      {...props}
    >
      <X aria-hidden="true" className="size-4" />
      <span className="sr-only">{label}</span>
    </ToastPrimitive.Close>
  );
}
