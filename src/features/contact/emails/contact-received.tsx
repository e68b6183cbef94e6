import { Text } from '@react-email/components';
import type { Locale } from '@/platform/config/app-config-schema';
import { appConfig } from '@/platform/config/app-config';
import { EmailLayout, emailText } from '@/platform/email/email-layout';
import { translatorFor } from '@/platform/i18n/translator';

/**
 * Sent to whoever used the contact form. It contains only our own words: text
 * typed into a public form must never travel in an email from our address.
 */
export function ContactReceivedEmail({ locale }: { locale: Locale }) {
  const t = translatorFor(locale, 'emails');
  return (
    <EmailLayout
      locale={locale}
      preview={t('contactReceived.preview')}
      footer={t('footer', { siteName: appConfig.site.name })}
    >
      <Text style={emailText}>{t('contactReceived.greeting')}</Text>
      <Text style={emailText}>{t('contactReceived.body', { siteName: appConfig.site.name })}</Text>
    </EmailLayout>
  );
}

export function contactReceivedSubject(locale: Locale) {
  return translatorFor(locale, 'emails')('contactReceived.subject', { siteName: appConfig.site.name });
}
