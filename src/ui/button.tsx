import type { VariantProps } from 'class-variance-authority';
import { Slot as SlotPrimitive } from 'radix-ui';
import type { ComponentProps, ReactNode } from 'react';
import { buttonVariants } from './button-variants';
import { cn } from './cn';
import { Spinner } from './spinner';

export { buttonVariants };

export type ButtonVariantProps = VariantProps<typeof buttonVariants>;

export interface ButtonProps extends ComponentProps<'button'>, ButtonVariantProps {
  /** Renders the single child element (a link, say) with the button's styles and behaviour. */
  asChild?: boolean;
  /** Shows a spinner, sets aria-busy and disables the button. */
  loading?: boolean;
  /** Replaces the children while loading (e.g. "Saving…"); not used with `asChild`. */
  loadingLabel?: ReactNode;
}

export function Button({
  className,
  variant,
  size,
  asChild = false,
  loading = false,
  loadingLabel,
  disabled,
  type,
  children,
  ...props
}: ButtonProps) {
  const classes = cn(buttonVariants({ variant, size }), loading && 'cursor-wait', className);
  const spinner = loading ? <Spinner /> : null;

  if (asChild) {
    // A link cannot be `disabled`: aria-disabled and pointer-events do that job.
    const inert = disabled || loading;
    return (
      <SlotPrimitive.Root
        className={classes}
        aria-busy={loading || undefined}
        aria-disabled={inert || undefined}
        tabIndex={inert ? -1 : undefined}
        {...props}
      >
        {spinner}
        <SlotPrimitive.Slottable>{children}</SlotPrimitive.Slottable>
      </SlotPrimitive.Root>
    );
  }

  return (
    <button
      type={type ?? 'button'}
      className={classes}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {spinner}
      {loading && loadingLabel !== undefined ? loadingLabel : children}
    </button>
  );
}
