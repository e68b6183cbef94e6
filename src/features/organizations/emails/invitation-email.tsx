import { Text } from '@react-email/components';
import type { Locale } from '@/platform/config/app-config-schema';
import { appConfig } from '@/platform/config/app-config';
import { EmailAction, EmailLayout, emailText } from '@/platform/email/email-layout';
import { translatorFor } from '@/platform/i18n/translator';

export interface InvitationEmailValues {
  organizationName: string;
  inviterName: string;
  /** The role's label, already translated. */
  role: string;
  url: string;
  days: number;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

function words(locale: Locale): Translate {
  return translatorFor(locale, 'emails') as unknown as Translate;
}

function textValues(values: InvitationEmailValues) {
  return { ...values, siteName: appConfig.site.name };
}

/** The invitation to join an organization; its words are in messages/<locale>/emails.json under `invitation`. */
export function InvitationEmail({ locale, values }: { locale: Locale; values: InvitationEmailValues }) {
  const t = words(locale);
  const v = textValues(values);
  return (
    <EmailLayout
      locale={locale}
      preview={t('invitation.preview', v)}
      footer={t('footer', { siteName: appConfig.site.name })}
    >
      <Text style={emailText}>{t('account.greeting')}</Text>
      <Text style={emailText}>{t('invitation.body', v)}</Text>
      <EmailAction href={values.url} label={t('invitation.action', v)} fallback={t('account.linkFallback')} />
      <Text style={{ ...emailText, fontSize: 13, color: '#4b5563' }}>{t('invitation.notYou', v)}</Text>
    </EmailLayout>
  );
}

export function invitationEmailSubject(locale: Locale, values: InvitationEmailValues) {
  return words(locale)('invitation.subject', textValues(values));
}
