import type { ReactNode } from 'react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/ui/card';
import { cn } from '@/ui/cn';

/** One block of a settings page: a titled card. `tone="danger"` for irreversible actions. */
export function SettingsSection({
  title,
  description,
  actions,
  tone = 'default',
  children,
  ...props
}: {
  title: string;
  description?: ReactNode;
  /** Beside the title (a status badge…). */
  actions?: ReactNode;
  tone?: 'default' | 'danger';
  children: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <Card className={cn(tone === 'danger' && 'border-destructive/50')} {...props}>
      <CardHeader>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <CardTitle as="h2">{title}</CardTitle>
          {actions}
        </div>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}
