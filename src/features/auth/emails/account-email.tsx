import { Text } from '@react-email/components';
import type { Locale } from '@/platform/config/app-config-schema';
import { appConfig } from '@/platform/config/app-config';
import { EmailAction, EmailLayout, emailText } from '@/platform/email/email-layout';
import { translatorFor } from '@/platform/i18n/translator';

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
  | 'signInAttemptsReset';

/** The values an email's text may use besides the site name. */
export interface AccountEmailValues {
  /** The link the button opens (verification, sign-in, reset…). */
  url?: string;
  newEmail?: string;
  provider?: string;
  minutes?: number;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

function words(locale: Locale): Translate {
  return translatorFor(locale, 'emails') as unknown as Translate;
}

function textValues(values: AccountEmailValues) {
  return {
    siteName: appConfig.site.name,
    newEmail: values.newEmail ?? '',
    provider: values.provider ?? '',
    minutes: values.minutes ?? 0,
  };
}

/**
 * One template for every account email: a greeting, what happened or what to
 * do, a button when there is a link (with the link written out for clients
 * that hide buttons), and a note on what to do if it was not you.
 */
export function AccountEmail({
  locale,
  kind,
  values,
}: {
  locale: Locale;
  kind: AccountEmailKind;
  values: AccountEmailValues;
}) {
  const t = words(locale);
  const v = textValues(values);
  return (
    <EmailLayout
      locale={locale}
      preview={t(`account.${kind}.preview`, v)}
      footer={t('footer', { siteName: appConfig.site.name })}
    >
      <Text style={emailText}>{t('account.greeting')}</Text>
      <Text style={emailText}>{t(`account.${kind}.body`, v)}</Text>
      {values.url ? (
        <EmailAction href={values.url} label={t(`account.${kind}.action`, v)} fallback={t('account.linkFallback')} />
      ) : null}
      <Text style={{ ...emailText, fontSize: 13, color: '#4b5563' }}>{t(`account.${kind}.notYou`, v)}</Text>
    </EmailLayout>
  );
}

export function accountEmailSubject(locale: Locale, kind: AccountEmailKind, values: AccountEmailValues) {
  return words(locale)(`account.${kind}.subject`, textValues(values));
}
