import type { Locale } from '@/platform/config/app-config-schema';
import { appConfig } from '@/platform/config/app-config';
import { translatorFor } from '@/platform/i18n/translator';

// Apart from the template (account-email.tsx): the server face and its callers need the kinds and subjects
// without loading React Email; the template is imported when a message is sent.

/** The account emails. Each has its words in messages/<locale>/emails.json under `account.<kind>`. */
export type AccountEmailKind =
  | 'verifyEmail'
  | 'magicLink'
  | 'passwordReset'
  | 'emailChangeNew'
  | 'emailChangeOld'
  | 'passwordChanged'
  | 'signInMethodAdded'
  | 'existingAccount'
  | 'signInAttempts'
  | 'signInAttemptsReset'
  | 'twoFactorReset';

/** The values an email's text may use besides the site name. */
export interface AccountEmailValues {
  /** The link the button opens (verification, sign-in, reset…). */
  url?: string;
  newEmail?: string;
  provider?: string;
  minutes?: number;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function words(locale: Locale): Translate {
  return translatorFor(locale, 'emails') as unknown as Translate;
}

export function textValues(values: AccountEmailValues) {
  return {
    siteName: appConfig.site.name,
    newEmail: values.newEmail ?? '',
    provider: values.provider ?? '',
    minutes: values.minutes ?? 0,
  };
}

export function accountEmailSubject(locale: Locale, kind: AccountEmailKind, values: AccountEmailValues) {
  return words(locale)(`account.${kind}.subject`, textValues(values));
}
