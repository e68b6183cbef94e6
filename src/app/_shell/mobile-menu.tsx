'use client';

import { Menu, X } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useId, useRef } from 'react';
import { buttonVariants } from '@/ui/button-variants';
import { isActivePath } from './navigation';

/**
 * The marketing menu in a drawer, for screens narrower than `md`. A native `<dialog>` opened as a modal: the
 * browser traps focus, closes it on Escape, puts it above everything and names it by its title — no dialog library
 * in the scripts of every public page (nor `cn`). A click on the backdrop closes it too.
 */
export function MobileMenu({
  items,
  labels,
}: {
  items: { path: string; label: string }[];
  labels: { open: string; close: string; title: string };
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const pathname = usePathname();
  const close = () => dialog.current?.close();
  return (
    <>
      <button
        type="button"
        className={buttonVariants({ variant: 'ghost', size: 'icon', className: 'md:hidden' })}
        aria-label={labels.open}
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        <Menu aria-hidden />
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        // The dialog fills the screen; its panel is the child. A click outside the panel lands on the dialog itself.
        onClick={(event) => {
          if (event.target === event.currentTarget) close();
        }}
        className={
          'fixed inset-y-0 right-0 left-auto m-0 h-full max-h-none w-[min(18rem,calc(100%-3rem))] max-w-none ' +
          'border-l border-border bg-background p-6 text-foreground shadow-lg backdrop:bg-black/50 ' +
          'transition-transform duration-300 ease-out motion-reduce:transition-none starting:open:translate-x-full'
        }
      >
        <div className="flex items-center justify-between gap-4">
          <h2 id={titleId} className="text-lg font-semibold">
            {labels.title}
          </h2>
          <button
            type="button"
            className={buttonVariants({ variant: 'ghost', size: 'icon' })}
            onClick={close}
            aria-label={labels.close}
          >
            <X aria-hidden />
          </button>
        </div>
        <nav aria-label={labels.title} className="mt-4">
          <ul className="flex flex-col gap-1">
            {items.map((item) => (
              <li key={item.path}>
                <Link
                  href={item.path}
                  onClick={close}
                  aria-current={isActivePath(pathname, item.path) ? 'page' : undefined}
                  className={`block rounded-md px-3 py-2 text-base font-medium hover:bg-accent ${
                    isActivePath(pathname, item.path) ? 'bg-accent' : ''
                  }`}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </dialog>
    </>
  );
}
