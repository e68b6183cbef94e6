import { createTranslator } from 'next-intl';
import type { Locale } from '@/platform/config/app-config';
import { messagesFor } from './messages';

/** A translator for one locale and namespace, usable outside React (actions, route handlers, emails). */
export function translatorFor<N extends 'errors' | 'common' | 'contact'>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace });
}
