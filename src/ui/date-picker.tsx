'use client';

import { format as formatDate } from 'date-fns';
import { CalendarDays } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useState, useSyncExternalStore } from 'react';
import type { DayPickerLocale } from 'react-day-picker';
import { buttonVariants } from './button';
import { cn } from './cn';
import { fieldClasses } from './input';
import { Popover, PopoverContent, PopoverTrigger } from './popover';

const noSubscription = () => () => {};

const loadCalendar = () => import('./date-picker-calendar');
// `loading` gives it a Suspense boundary of its own: without one, loading it would suspend the whole page.
const Calendar = dynamic(() => import('./date-picker-calendar'), {
  loading: () => <div aria-busy="true" className="h-72 w-64" />,
});

/** "2030-01-15" as a local calendar day (no time zone shift), or undefined. */
function dayOf(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
}

function isoOf(day: Date): string {
  return formatDate(day, 'yyyy-MM-dd');
}

export interface DatePickerProps {
  /** The field's id, for its <Label htmlFor>. */
  id: string;
  /** The name the day is sent under with its form, as YYYY-MM-DD. */
  name: string;
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  /** The calendar's language: month and day names, the first day of the week and the day's written form. */
  locale: DayPickerLocale;
  /** Shown in the field while no day is chosen, e.g. "Due from". */
  placeholder: string;
  /** The calendar's name for assistive technology, and the button that empties the field. */
  labels: { calendar: string; clear: string };
  /** The earliest day that may be chosen (YYYY-MM-DD). */
  min?: string;
  className?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * A day, written the way the user's language writes it (15/01/2030 in
 * Spanish, 01/15/2030 in US English) and chosen on a calendar in that language.
 * Before JavaScript loads it is the browser's own date field, in the same box
 * (so nothing moves when the calendar takes over), and it sends the same
 * YYYY-MM-DD with its form.
 */
export function DatePicker({
  id,
  name,
  value,
  onChange,
  locale,
  placeholder,
  labels,
  min,
  className,
  ...aria
}: DatePickerProps) {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [open, setOpen] = useState(false);
  const box = cn(fieldClasses, 'h-10 w-40', className);

  if (!hydrated) {
    return (
      <input
        id={id}
        type="date"
        name={name}
        defaultValue={value}
        min={min}
        placeholder={placeholder}
        className={cn(box, 'py-2')}
        {...aria}
      />
    );
  }

  const selected = dayOf(value);
  const earliest = min ? dayOf(min) : undefined;
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        if (next) void loadCalendar();
        setOpen(next);
      }}
    >
      <input type="hidden" name={name} value={value} />
      <PopoverTrigger
        id={id}
        className={cn(box, 'inline-flex items-center justify-between gap-2 text-start')}
        {...aria}
      >
        <span className={cn('truncate', !selected && 'text-muted-foreground')}>
          {selected ? formatDate(selected, 'P', { locale }) : placeholder}
        </span>
        <CalendarDays aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
      </PopoverTrigger>
      <PopoverContent aria-label={labels.calendar} align="start" className="w-auto p-2">
        <Calendar
          mode="single"
          locale={locale}
          selected={selected}
          defaultMonth={selected ?? earliest}
          captionLayout="dropdown"
          startMonth={new Date(2000, 0)}
          endMonth={new Date(2100, 11)}
          disabled={earliest ? { before: earliest } : undefined}
          onSelect={(day) => {
            onChange(day ? isoOf(day) : '');
            setOpen(false);
          }}
        />
        {selected ? (
          <button
            type="button"
            className={cn(buttonVariants({ variant: 'ghost', size: 'sm' }), 'w-full')}
            onClick={() => {
              onChange('');
              setOpen(false);
            }}
          >
            {labels.clear}
          </button>
        ) : null}
      </PopoverContent>
    </Popover>
  );
}
