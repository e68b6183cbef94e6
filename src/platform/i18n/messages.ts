import type { Locale } from '@/platform/config/app-config';
import enCommon from '../../../messages/en/common.json';
import enContact from '../../../messages/en/contact.json';
import enErrors from '../../../messages/en/errors.json';
import esCommon from '../../../messages/es/common.json';
import esContact from '../../../messages/es/contact.json';
import esErrors from '../../../messages/es/errors.json';

/**
 * Message files live in messages/<locale>/<namespace>.json. A new namespace is
 * one import per locale here; a new language is one entry in `catalog` (and
 * its code in LOCALES in the configuration). A test checks that every locale
 * has exactly the same keys.
 */
const catalog = {
  en: { common: enCommon, contact: enContact, errors: enErrors },
  es: { common: esCommon, contact: esContact, errors: esErrors },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof catalog)['en'];
export type Namespace = keyof Messages;

export function messagesFor(locale: Locale): Messages {
  return catalog[locale];
}

export const messageCatalog: Readonly<Record<Locale, Messages>> = catalog;
