'use client';

import { Menu } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/ui/button';
import { cn } from '@/ui/cn';
import { Sheet, SheetContent, SheetHeader, SheetTitle, SheetTrigger } from '@/ui/sheet';
import { isActivePath } from './navigation';

/** The marketing menu in a drawer, for screens narrower than `md`. */
export function MobileMenu({
  items,
  labels,
}: {
  items: { path: string; label: string }[];
  labels: { open: string; close: string; title: string };
}) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label={labels.open}>
          <Menu aria-hidden />
        </Button>
      </SheetTrigger>
      <SheetContent side="right" closeLabel={labels.close} className="w-72">
        <SheetHeader>
          <SheetTitle>{labels.title}</SheetTitle>
        </SheetHeader>
        <nav aria-label={labels.title} className="mt-4">
          <ul className="flex flex-col gap-1">
            {items.map((item) => (
              <li key={item.path}>
                <Link
                  href={item.path}
                  onClick={() => setOpen(false)}
                  aria-current={isActivePath(pathname, item.path) ? 'page' : undefined}
                  className={cn(
                    'block rounded-md px-3 py-2 text-base font-medium hover:bg-accent',
                    isActivePath(pathname, item.path) && 'bg-accent',
                  )}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </SheetContent>
    </Sheet>
  );
}
