import { Text } from '@react-email/components';
import type { Locale } from '@/platform/config/app-config-schema';
import { appConfig } from '@/platform/config/app-config';
import { EmailAction, EmailLayout, emailText } from '@/platform/email/email-layout';
import { textValues, words, type AccountEmailKind, type AccountEmailValues } from './account-email-words';

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
