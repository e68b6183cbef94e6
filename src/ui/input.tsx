import type { ComponentProps } from 'react';
import { cn } from './cn';

/** Shared by text-like fields so inputs, textareas and select triggers look alike. */
export const fieldClasses = cn(
  'w-full min-w-0 rounded-md border border-input bg-background px-3 text-base text-foreground shadow-sm transition-colors sm:text-sm',
  'placeholder:text-muted-foreground',
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring',
  'disabled:cursor-not-allowed disabled:opacity-50',
  'aria-invalid:border-destructive',
);

export type InputProps = ComponentProps<'input'>;

/** A single-line text field; pair it with a Label (or FormLabel) for its accessible name. */
export function Input({ className, type = 'text', ...props }: InputProps) {
  return (
    <input
      type={type}
      className={cn(
        fieldClasses,
        'h-10 py-2',
        'file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground',
        className,
      )}
      {...props}
    />
  );
}
