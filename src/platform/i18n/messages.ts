import type { Locale } from '@/platform/config/app-config-schema';
import enAdmin from '../../../messages/en/admin.json';
import enApp from '../../../messages/en/app.json';
import enAudit from '../../../messages/en/audit.json';
import enAuth from '../../../messages/en/auth.json';
import enBilling from '../../../messages/en/billing.json';
import enBlog from '../../../messages/en/blog.json';
import enCommon from '../../../messages/en/common.json';
import enContact from '../../../messages/en/contact.json';
import enDocs from '../../../messages/en/docs.json';
import enEmails from '../../../messages/en/emails.json';
import enErrors from '../../../messages/en/errors.json';
import enLegal from '../../../messages/en/legal.json';
import enMarketing from '../../../messages/en/marketing.json';
import enOrganizations from '../../../messages/en/organizations.json';
import enSettings from '../../../messages/en/settings.json';
import enTasks from '../../../messages/en/tasks.json';
import esAdmin from '../../../messages/es/admin.json';
import esApp from '../../../messages/es/app.json';
import esAudit from '../../../messages/es/audit.json';
import esAuth from '../../../messages/es/auth.json';
import esBilling from '../../../messages/es/billing.json';
import esBlog from '../../../messages/es/blog.json';
import esCommon from '../../../messages/es/common.json';
import esContact from '../../../messages/es/contact.json';
import esDocs from '../../../messages/es/docs.json';
import esEmails from '../../../messages/es/emails.json';
import esErrors from '../../../messages/es/errors.json';
import esLegal from '../../../messages/es/legal.json';
import esMarketing from '../../../messages/es/marketing.json';
import esOrganizations from '../../../messages/es/organizations.json';
import esSettings from '../../../messages/es/settings.json';
import esTasks from '../../../messages/es/tasks.json';

/**
 * Message files live in messages/<locale>/<namespace>.json. A new namespace is
 * one import per locale here; a new language is one entry in `catalog` (and
 * its code in LOCALES in the configuration). Tests check that every locale has
 * exactly the same keys and that code uses only keys that exist; the type
 * checker does too (see next-intl.d.ts).
 */
const en = {
  common: enCommon,
  marketing: enMarketing,
  app: enApp,
  admin: enAdmin,
  audit: enAudit,
  auth: enAuth,
  billing: enBilling,
  contact: enContact,
  emails: enEmails,
  errors: enErrors,
  settings: enSettings,
  organizations: enOrganizations,
  tasks: enTasks,
  docs: enDocs,
  blog: enBlog,
  legal: enLegal,
};

const catalog: Record<Locale, typeof en> = {
  en,
  es: {
    common: esCommon,
    marketing: esMarketing,
    app: esApp,
    admin: esAdmin,
    audit: esAudit,
    auth: esAuth,
    billing: esBilling,
    contact: esContact,
    emails: esEmails,
    errors: esErrors,
    settings: esSettings,
    organizations: esOrganizations,
    tasks: esTasks,
    docs: esDocs,
    blog: esBlog,
    legal: esLegal,
  },
};

export type Messages = typeof en;
export type Namespace = keyof Messages;

export function messagesFor(locale: Locale): Messages {
  return catalog[locale];
}

export const messageCatalog: Readonly<Record<Locale, Messages>> = catalog;

/** A namespace, or a part of one by its dotted path ('tasks', 'organizations.switcher'). */
export type MessagePath = Namespace | `${Namespace}.${string}`;

/**
 * The parts of the catalogue at `paths`, nested as in the catalogue: what a page's client components use, and
 * nothing else (docs/performance.md). A path that names nothing is an error, so a renamed key cannot silently
 * leave a page without its words.
 */
/**
 * The part of `errors` client code translates: action forms and `useAction` (a call that got no answer, the
 * schemas' `validation.*` keys) and the picture fields (`image.*`). The server translates its own refusals,
 * so the rest of the namespace (about 11 KB) stays on the server.
 */
export const CLIENT_ERROR_MESSAGES = ['errors.SERVICE_UNAVAILABLE', 'errors.validation', 'errors.image'] as const;

export function pickMessages(locale: Locale, paths: readonly MessagePath[]): Partial<Messages> {
  const picked: Record<string, unknown> = {};
  for (const path of paths) {
    let source: unknown = catalog[locale];
    let target = picked;
    const keys = path.split('.');
    for (const [index, key] of keys.entries()) {
      source = (source as Record<string, unknown> | undefined)?.[key];
      if (source === undefined) throw new Error(`pickMessages: no messages at ${path}`);
      if (index === keys.length - 1 || target[key] === source) {
        target[key] = source;
        break;
      }
      // A copy of this level: the catalogue's own objects are never written to.
      target = (target[key] = { ...(target[key] as object | undefined) }) as Record<string, unknown>;
    }
  }
  return picked as Partial<Messages>;
}
