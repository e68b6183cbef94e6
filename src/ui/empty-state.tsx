import { Inbox } from 'lucide-react';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

export interface EmptyStateProps extends Omit<ComponentProps<'div'>, 'title'> {
  title: ReactNode;
  description?: ReactNode;
  /** An icon element; defaults to an inbox. `null` shows none. */
  icon?: ReactNode;
  /** A call to action, e.g. a Button to create the first item. */
  action?: ReactNode;
  /** The title's heading level, to fit the page outline. */
  headingLevel?: 'h1' | 'h2' | 'h3' | 'h4';
}

/** What a list or page shows when there is nothing in it yet. */
export function EmptyState({
  title,
  description,
  icon,
  action,
  headingLevel: Heading = 'h2',
  className,
  ...props
}: EmptyStateProps) {
  return (
    <div className={cn('flex flex-col items-center justify-center gap-3 px-4 py-12 text-center', className)} {...props}>
      {icon === null ? null : (
        <div
          aria-hidden="true"
          className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-6"
        >
          {icon ?? <Inbox />}
        </div>
      )}
      <Heading className="text-base font-semibold text-foreground">{title}</Heading>
      {description ? <p className="max-w-sm text-sm text-muted-foreground">{description}</p> : null}
      {action ? <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
