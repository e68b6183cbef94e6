import { createTranslator } from 'next-intl';
import type { Locale } from '@/platform/config/app-config';
import { messagesFor, type Namespace } from './messages';

/** A translator for one locale and namespace, usable outside React (actions, route handlers, emails). */
export function translatorFor<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace });
}
