import { LoaderCircle } from 'lucide-react';
import type { ComponentProps } from 'react';
import { cn } from './cn';

export interface SpinnerProps extends Omit<ComponentProps<'svg'>, 'ref'> {
  /**
   * Text announced to assistive technology. Without it the spinner is
   * decorative (aria-hidden) and the surrounding element says what is busy.
   */
  label?: string;
}

/** A rotating loading indicator; slows down rather than stops for reduced motion. */
export function Spinner({ label, className, ...props }: SpinnerProps) {
  const icon = (
    <LoaderCircle
      aria-hidden="true"
      focusable="false"
      className={cn('size-4 shrink-0 animate-spin motion-reduce:animate-[spin_2s_linear_infinite]', className)}
      {...props}
    />
  );
  if (!label) return icon;
  return (
    <span role="status" className="inline-flex items-center">
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}
