import Link from 'next/link';
import { cn } from '@/ui/cn';

export interface SignInMethodOption {
  key: string;
  label: string;
  href: string;
}

/**
 * Two ways of signing in, as links that look like tabs: each is a page of its
 * own (?method=…), so it works before JavaScript loads and can be linked to.
 */
export function SignInMethodSwitch({
  label,
  options,
  current,
}: {
  label: string;
  options: SignInMethodOption[];
  current: string;
}) {
  return (
    <nav aria-label={label}>
      <ul className="grid grid-flow-col gap-1 rounded-lg bg-muted p-1 text-sm font-medium text-muted-foreground">
        {options.map((option) => {
          const active = option.key === current;
          return (
            <li key={option.key} className="flex">
              <Link
                href={option.href}
                replace
                scroll={false}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'flex h-8 flex-1 items-center justify-center rounded-md px-3 transition-colors hover:text-foreground',
                  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring',
                  active && 'bg-background text-foreground shadow-sm',
                )}
              >
                {option.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
