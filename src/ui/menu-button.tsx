'use client';

import { Check } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { buttonVariants } from './button-variants';

interface MenuButtonItem {
  id: string;
  label: ReactNode;
  icon?: ReactNode;
  /** A choice among several (`menuitemradio`): whether it is the current one. */
  checked?: boolean;
  /** A link (`menuitem` as an anchor): the same page in another language… */
  href?: string;
  hrefLang?: string;
  lang?: string;
  current?: boolean;
  onSelect?: () => void;
}

export interface MenuButtonProps {
  /** The trigger's accessible name (it shows only `icon`). */
  label: string;
  icon: ReactNode;
  /** A small heading above the items. */
  heading?: ReactNode;
  items: MenuButtonItem[];
  'data-testid'?: string;
}

/**
 * A small menu behind an icon button, without Radix or `cn` (tailwind-merge): the public site's header carries it
 * on every prerendered page, where Radix's dropdown and its positioning library cost ~30 kB of scripts. The
 * WAI-ARIA menu button pattern: Enter, Space or ↓ opens on the first item (↑ on the last); ↑ ↓ Home End move;
 * Escape closes and returns to the button; Tab or a click elsewhere closes. Richer menus (the user menu, table
 * actions) use `dropdown-menu.tsx`.
 */
export function MenuButton({ label, icon, heading, items, 'data-testid': testId }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const [focusOn, setFocusOn] = useState<'first' | 'last' | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const menuItems = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[data-menu-item]') ?? []);

  useEffect(() => {
    if (!open) return;
    // Opened from the keyboard: on an item. By a click: on the menu itself, so that the arrows work.
    const all = menuItems();
    (focusOn === 'first' ? all[0] : focusOn === 'last' ? all.at(-1) : menu.current)?.focus();
    const closeOnOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    return () => document.removeEventListener('pointerdown', closeOnOutside);
  }, [open, focusOn]);

  const show = (first: 'first' | 'last' | null) => {
    setFocusOn(first);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  };

  const onTriggerKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const all = menuItems();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      all[(index + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') close(false);
  };

  const itemClass =
    'relative flex w-full cursor-default items-center gap-2 rounded-sm px-2 py-2 pl-8 text-left text-sm ' +
    'outline-none select-none hover:bg-accent focus:bg-accent focus:text-accent-foreground ' +
    "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4";

  return (
    <div ref={root} className="relative">
      <button
        ref={trigger}
        type="button"
        className={buttonVariants({ variant: 'ghost', size: 'icon' })}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-testid={testId}
        // detail 0: Enter or Space (a keyboard click) opens on the first item; a pointer click on the menu.
        onClick={(event) => (open ? close(false) : show(event.detail === 0 ? 'first' : null))}
        onKeyDown={onTriggerKey}
      >
        {icon}
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={label}
          tabIndex={-1}
          onKeyDown={onMenuKey}
          className={
            'absolute top-full right-0 z-50 mt-1 min-w-40 rounded-md border border-border bg-popover p-1 outline-none ' +
            'text-popover-foreground shadow-md transition-opacity motion-reduce:transition-none starting:opacity-0'
          }
        >
          {heading ? <div className="px-2 py-1.5 text-xs font-medium text-muted-foreground">{heading}</div> : null}
          {items.map((item) => {
            const mark =
              item.checked || item.current ? (
                <span className="absolute left-2 flex size-4 items-center justify-center">
                  <Check aria-hidden="true" className="size-4" />
                </span>
              ) : null;
            const select = () => {
              item.onSelect?.();
              close(!item.href);
            };
            return item.href ? (
              <Link
                key={item.id}
                href={item.href}
                hrefLang={item.hrefLang}
                lang={item.lang}
                role="menuitem"
                tabIndex={-1}
                data-menu-item
                aria-current={item.current ? 'true' : undefined}
                className={itemClass}
                onClick={select}
              >
                {mark}
                {item.icon}
                {item.label}
              </Link>
            ) : (
              <button
                key={item.id}
                type="button"
                role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
                aria-checked={item.checked}
                tabIndex={-1}
                data-menu-item
                className={itemClass}
                onClick={select}
              >
                {mark}
                {item.icon}
                {item.label}
              </button>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
