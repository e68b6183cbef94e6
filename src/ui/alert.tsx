import { cva, type VariantProps } from 'class-variance-authority';
import { CircleAlert, CircleCheck, Info, TriangleAlert } from 'lucide-react';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

/*
 * Coloured borders and icons carry the variant; the text stays in the
 * foreground colour, because the red and green tokens are not dark/light
 * enough for body text on dark surfaces.
 */
const alertVariants = cva(
  'relative grid grid-cols-[auto_minmax(0,1fr)] items-start gap-x-3 gap-y-1 rounded-lg border border-l-4 bg-card p-4 text-sm text-card-foreground [&>svg]:mt-0.5 [&>svg]:size-4',
  {
    variants: {
      variant: {
        default: 'border-border [&>svg]:text-foreground',
        destructive: 'border-destructive [&>svg]:text-destructive',
        success: 'border-success [&>svg]:text-success',
        warning: 'border-warning [&>svg]:text-warning',
      },
    },
    defaultVariants: { variant: 'default' },
  },
);

const defaultIcons = {
  default: Info,
  destructive: CircleAlert,
  success: CircleCheck,
  warning: TriangleAlert,
} as const;

export interface AlertProps extends ComponentProps<'div'>, VariantProps<typeof alertVariants> {
  /** Replaces the variant's icon; `null` shows none. */
  icon?: ReactNode;
}

/**
 * A message in the page flow. Destructive and warning alerts are role="alert"
 * (announced at once); default and success are role="status" (announced
 * politely). Pass `role` to override.
 */
export function Alert({ className, variant, icon, role, children, ...props }: AlertProps) {
  const key = variant ?? 'default';
  const Icon = defaultIcons[key];
  const resolvedRole = role ?? (key === 'destructive' || key === 'warning' ? 'alert' : 'status');
  return (
    <div role={resolvedRole} className={cn(alertVariants({ variant }), className)} {...props}>
      {icon === undefined ? <Icon aria-hidden="true" /> : icon}
      <div className={cn('col-start-2 grid gap-1', icon === null && 'col-span-2 col-start-1')}>{children}</div>
    </div>
  );
}

export function AlertTitle({ className, ...props }: ComponentProps<'p'>) {
  return <p className={cn('leading-tight font-semibold', className)} {...props} />;
}

export function AlertDescription({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('text-sm text-muted-foreground [&_p]:leading-relaxed', className)} {...props} />;
}
