'use client';

import { DayPicker, type DayPickerProps } from 'react-day-picker';
import 'react-day-picker/style.css';

/**
 * The date picker's calendar, in a module of its own: react-day-picker (and its styles) load when a calendar is
 * first opened, not with every page that has a date field (docs/performance.md).
 */
export default function DatePickerCalendar(props: DayPickerProps) {
  return (
    <DayPicker
      {...props}
      className="[--rdp-accent-background-color:var(--color-accent)] [--rdp-accent-color:var(--color-primary)] [--rdp-day-height:2.25rem] [--rdp-day-width:2.25rem] [--rdp-day_button-height:2.125rem] [--rdp-day_button-width:2.125rem]"
    />
  );
}
