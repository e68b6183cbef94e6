import { cva } from 'class-variance-authority';

// Apart from button.tsx and without `cn` (tailwind-merge, ~8 kB): the public header's few client components style
// their buttons with these classes alone, and the prerendered pages' scripts stay small.

/*
 * The primary hover colour moves the brand colour away from its text colour
 * (towards black when the text is light, towards white when it is dark), so
 * hovering never lowers the contrast the brand palette guarantees. Browsers
 * without relative colour syntax keep the plain colour on hover.
 */
const primaryHover =
  'supports-[color:oklch(from_red_l_c_h)]:hover:bg-[color-mix(in_oklab,var(--primary)_86%,oklch(from_var(--primary-foreground)_calc(1_-_l)_0_h))]';

export const buttonVariants = cva(
  [
    'relative inline-flex shrink-0 cursor-pointer items-center justify-center gap-2 rounded-md font-medium whitespace-nowrap transition-colors select-none',
    'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring',
    'disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50',
    "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
  ],
  {
    variants: {
      variant: {
        default: `bg-primary text-primary-foreground shadow-sm ${primaryHover}`,
        secondary: 'bg-secondary text-secondary-foreground hover:bg-secondary/70',
        outline:
          'border border-input bg-background text-foreground shadow-sm hover:bg-accent hover:text-accent-foreground',
        ghost: 'text-foreground hover:bg-accent hover:text-accent-foreground',
        destructive: 'bg-destructive text-destructive-foreground shadow-sm hover:bg-destructive/90',
        link: 'text-link underline-offset-4 hover:underline',
      },
      size: {
        sm: 'h-8 px-3 text-sm',
        md: 'h-10 px-4 text-sm',
        lg: 'h-11 px-6 text-base',
        icon: 'size-10',
      },
    },
    compoundVariants: [{ variant: 'link', className: 'h-auto px-0' }],
    defaultVariants: { variant: 'default', size: 'md' },
  },
);
