'use client';

import { ChevronDown } from 'lucide-react';
import { useEffect, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { buttonVariants } from './button';
import { cn } from './cn';

interface FilterChecklistOption {
  value: string;
  label: ReactNode;
}

export interface FilterChecklistProps {
  /** The field name the checked values are sent under (repeated, as a GET form sends them). */
  name: string;
  /** The button's text and the group's name, e.g. "Status". */
  label: string;
  /** What the button says when some values are chosen, e.g. "Status: 2". */
  chosenLabel?: (count: number) => string;
  options: FilterChecklistOption[];
  selected: readonly string[];
  /** Called with the new choice on every change; without it the checkboxes only go along with their form. */
  onSelectedChange?: (values: string[]) => void;
  /** A submit button at the foot of the list, for forms that apply on submit (before JavaScript loads). */
  submitLabel?: string;
  className?: string;
}

/**
 * A multiple-choice filter in a form: a button that opens a list of
 * checkboxes. It is a <details> with real checkboxes, so it opens and submits
 * with its form before JavaScript loads (a GET form sends `status=a&status=b`).
 * Once loaded, each change calls `onSelectedChange` at once; Escape and a
 * click outside close it.
 */
export function FilterChecklist({
  name,
  label,
  chosenLabel,
  options,
  selected,
  onSelectedChange,
  submitLabel,
  className,
}: FilterChecklistProps) {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const element = details.current;
    const closeOutside = (event: PointerEvent) => {
      if (element && !element.contains(event.target as Node)) element.open = false;
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !element) return;
      element.open = false;
      element.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', closeOutside);
    element?.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      element?.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  const count = selected.length;
  return (
    <details
      ref={details}
      className={cn('group relative', className)}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary
        className={cn(
          buttonVariants({ variant: 'outline', size: 'md' }),
          'list-none [&::-webkit-details-marker]:hidden',
          count > 0 && 'border-primary',
        )}
      >
        {count > 0 && chosenLabel ? chosenLabel(count) : label}
        <ChevronDown aria-hidden="true" className="size-4 opacity-70 transition-transform group-open:rotate-180" />
      </summary>
      <fieldset className="absolute top-full left-0 z-30 mt-1 grid min-w-48 gap-0.5 rounded-md border border-border bg-popover p-1 text-popover-foreground shadow-md">
        <legend className="sr-only">{label}</legend>
        {options.map((option) => (
          <label
            key={option.value}
            className="flex cursor-pointer items-center gap-2.5 rounded-sm px-2 py-2 text-sm select-none hover:bg-accent hover:text-accent-foreground has-focus-visible:bg-accent"
          >
            <input
              type="checkbox"
              name={name}
              value={option.value}
              {...(onSelectedChange
                ? {
                    checked: selected.includes(option.value),
                    onChange: (event: ChangeEvent<HTMLInputElement>) => {
                      const values = event.target.checked
                        ? [...selected, option.value]
                        : selected.filter((value) => value !== option.value);
                      // Keep the options' order, whatever the order of the clicks.
                      onSelectedChange(options.map((item) => item.value).filter((value) => values.includes(value)));
                    },
                  }
                : { defaultChecked: selected.includes(option.value) })}
              className="size-4 shrink-0 cursor-pointer accent-primary"
            />
            {option.label}
          </label>
        ))}
        {submitLabel ? (
          <button type="submit" className={cn(buttonVariants({ variant: 'secondary', size: 'sm' }), 'mt-1')}>
            {submitLabel}
          </button>
        ) : null}
      </fieldset>
    </details>
  );
}
