import { ChevronDown } from 'lucide-react';
import type { ComponentProps } from 'react';
import { cn } from './cn';
import { fieldClasses } from './input';

export interface NativeSelectProps extends ComponentProps<'select'> {
  /** Classes for the wrapper (width, placement); `className` styles the select itself. */
  containerClassName?: string;
}

/**
 * The browser's own `<select>`, styled like the other fields. Unlike `Select`
 * it works before JavaScript loads and inside plain forms, and phones show
 * their own picker. Pair it with a Label (or FormLabel) for its name.
 */
export function NativeSelect({ className, containerClassName, children, ...props }: NativeSelectProps) {
  return (
    <div className={cn('relative w-full min-w-0', containerClassName)}>
      <select className={cn(fieldClasses, 'h-10 cursor-pointer appearance-none py-0 pr-9', className)} {...props}>
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
