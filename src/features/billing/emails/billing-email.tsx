import { Text } from '@react-email/components';
import type { Locale } from '@/platform/config/app-config-schema';
import { appConfig } from '@/platform/config/app-config';
import { EmailAction, EmailLayout, emailText } from '@/platform/email/email-layout';
import { translatorFor } from '@/platform/i18n/translator';

/** The billing emails (docs/billing/emails.md); words in messages/<locale>/emails.json under `billing.<kind>`. */
export type BillingEmailKind = 'trialEnding' | 'paymentFailed' | 'canceled' | 'receipt' | 'orderReceipt';

/** What an email's text may say, already formatted for the recipient's language. */
export interface BillingEmailValues {
  organizationName: string;
  planName: string;
  /** The billing page, absolute. */
  url: string;
  /** A date (trial end, period end, payment day). */
  date: string;
  /** The amount paid, with its currency; empty when not known. */
  amount: string;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

function words(locale: Locale): Translate {
  return translatorFor(locale, 'emails') as unknown as Translate;
}

function textValues(values: BillingEmailValues) {
  return { ...values, siteName: appConfig.site.name };
}

/** One template for every billing email: what happened, what (if anything) to do, the billing page. */
export function BillingEmail({
  locale,
  kind,
  values,
}: {
  locale: Locale;
  kind: BillingEmailKind;
  values: BillingEmailValues;
}) {
  const t = words(locale);
  const v = textValues(values);
  return (
    <EmailLayout
      locale={locale}
      preview={t(`billing.${kind}.preview`, v)}
      footer={t('billing.footer', { siteName: appConfig.site.name, organizationName: values.organizationName })}
    >
      <Text style={emailText}>{t('account.greeting')}</Text>
      <Text style={emailText}>{t(`billing.${kind}.body`, v)}</Text>
      <EmailAction href={values.url} label={t(`billing.${kind}.action`, v)} fallback={t('account.linkFallback')} />
    </EmailLayout>
  );
}

export function billingEmailSubject(locale: Locale, kind: BillingEmailKind, values: BillingEmailValues) {
  return words(locale)(`billing.${kind}.subject`, textValues(values));
}
