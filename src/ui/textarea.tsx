import type { ComponentProps } from 'react';
import { cn } from './cn';
import { fieldClasses } from './input';

export type TextareaProps = ComponentProps<'textarea'>;

/** A multi-line text field that grows with its content where the browser supports it. */
export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea rows={rows} className={cn(fieldClasses, 'field-sizing-content min-h-20 py-2', className)} {...props} />
  );
}
