import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

export interface PageHeaderProps extends Omit<ComponentProps<'header'>, 'title'> {
  /** The page's h1. */
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or menus for the page (e.g. "New project"); they wrap below the title on small screens. */
  actions?: ReactNode;
  /** Shown above the title, typically a Breadcrumb. */
  breadcrumb?: ReactNode;
}

export function PageHeader({ title, description, actions, breadcrumb, className, ...props }: PageHeaderProps) {
  return (
    <header className={cn('grid gap-3 pb-6', className)} {...props}>
      {breadcrumb}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="grid min-w-0 gap-1.5">
          <h1 className="text-2xl font-bold tracking-tight break-words text-foreground sm:text-3xl">{title}</h1>
          {description ? <p className="max-w-prose text-muted-foreground">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
    </header>
  );
}
