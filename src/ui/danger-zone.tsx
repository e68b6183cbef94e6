import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

export interface DangerZoneProps extends Omit<ComponentProps<'section'>, 'title'> {
  /** The section's heading ("Danger zone"), an h2. */
  title: ReactNode;
  description?: ReactNode;
  /** `DangerZoneItem`s, one per action. */
  children: ReactNode;
}

/**
 * The bottom of a settings page, where the actions that cannot be undone
 * wait (leave, hand over, delete), as GitHub and Vercel place them: a red
 * border sets the box apart, one row per action with its button at the end.
 */
export function DangerZone({ title, description, children, className, ...props }: DangerZoneProps) {
  const headingId = `${props.id ?? 'danger-zone'}-heading`;
  return (
    <section aria-labelledby={headingId} className={cn('grid gap-3', className)} {...props}>
      <div className="grid gap-1">
        <h2 id={headingId} className="text-lg leading-tight font-semibold">
          {title}
        </h2>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      <div className="divide-y divide-destructive/30 rounded-xl border border-destructive/60 bg-card text-card-foreground">
        {children}
      </div>
    </section>
  );
}

/** One dangerous action: what it does on the left, its button (which asks again) on the right or below. */
export function DangerZoneItem({
  title,
  description,
  action,
  className,
  ...props
}: Omit<ComponentProps<'div'>, 'title'> & { title: ReactNode; description: ReactNode; action?: ReactNode }) {
  return (
    <div
      className={cn(
        'flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between sm:gap-6 sm:p-6',
        className,
      )}
      {...props}
    >
      <div className="grid min-w-0 gap-1">
        <h3 className="font-medium">{title}</h3>
        <div className="text-sm text-muted-foreground">{description}</div>
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}
