import { Text } from '@react-email/components';
import type { Locale } from '@/platform/config/app-config-schema';
import { appConfig } from '@/platform/config/app-config';
import { EmailLayout, emailText } from '@/platform/email/email-layout';
import { translatorFor } from '@/platform/i18n/translator';

/** Sent to whoever used the contact form: proof that their message arrived, with a copy of it. */
export function ContactReceivedEmail({ locale, name, message }: { locale: Locale; name: string; message: string }) {
  const t = translatorFor(locale, 'emails');
  return (
    <EmailLayout locale={locale} preview={t('contactReceived.preview')} footer={t('footer', { siteName: appConfig.site.name })}>
      <Text style={emailText}>{t('contactReceived.greeting', { name })}</Text>
      <Text style={emailText}>{t('contactReceived.body', { siteName: appConfig.site.name })}</Text>
      <Text style={{ ...emailText, borderLeft: '3px solid #e5e7eb', color: '#374151', paddingLeft: 12, whiteSpace: 'pre-wrap' }}>{message}</Text>
    </EmailLayout>
  );
}

export function contactReceivedSubject(locale: Locale) {
  return translatorFor(locale, 'emails')('contactReceived.subject', { siteName: appConfig.site.name });
}
