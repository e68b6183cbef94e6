import type { ReactNode } from 'react';

/** The title and short explanation at the top of an account page's card. */
export function AuthHeader({ title, description }: { title: ReactNode; description?: ReactNode }) {
  return (
    <div className="space-y-1.5 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
    </div>
  );
}

/** A line with a word in the middle ("or") between two ways of signing in. */
export function AuthDivider({ label }: { label: string }) {
  return (
    <div
      className="flex items-center gap-3 text-xs text-muted-foreground uppercase"
      role="separator"
      aria-label={label}
    >
      <span aria-hidden className="h-px flex-1 bg-border" />
      <span aria-hidden>{label}</span>
      <span aria-hidden className="h-px flex-1 bg-border" />
    </div>
  );
}

/** A line of text with a link at the bottom of a card ("No account? Create one"). */
export function AuthFooter({ children }: { children: ReactNode }) {
  return <p className="text-center text-sm text-muted-foreground">{children}</p>;
}
