import { enUS, es, type DayPickerLocale } from 'react-day-picker/locale';
import type { Locale } from '@/platform/config/constants';

/**
 * The calendar's language for each of the app's languages: month and day
 * names, the first day of the week, and how a day is written (15/01/2030 in
 * Spanish). A new language adds its line (docs/i18n/adding-a-language.md).
 */
export const calendarLocales: Record<Locale, DayPickerLocale> = { en: enUS, es };
