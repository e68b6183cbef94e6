import { Button, Link, Text } from '@react-email/components';
import type { Locale } from '@/platform/config/app-config-schema';
import { appConfig } from '@/platform/config/app-config';
import { EmailLayout, emailText } from '@/platform/email/email-layout';
import { translatorFor } from '@/platform/i18n/translator';
import { brandPalette } from '@/platform/theme/brand-palette';

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
  const brand = brandPalette(appConfig.theme.brandColor).light;
  return (
    <EmailLayout
      locale={locale}
      preview={t(`billing.${kind}.preview`, v)}
      footer={t('billing.footer', { siteName: appConfig.site.name, organizationName: values.organizationName })}
    >
      <Text style={emailText}>{t('account.greeting')}</Text>
      <Text style={emailText}>{t(`billing.${kind}.body`, v)}</Text>
      <Button
        href={values.url}
        style={{
          backgroundColor: brand.fill,
          color: brand.foreground,
          borderRadius: 6,
          fontSize: 15,
          fontWeight: 600,
          padding: '12px 20px',
          display: 'inline-block',
        }}
      >
        {t(`billing.${kind}.action`, v)}
      </Button>
      <Text style={{ ...emailText, fontSize: 13, color: '#4b5563', marginTop: 24 }}>
        {t('account.linkFallback')}{' '}
        <Link href={values.url} style={{ color: brand.text, wordBreak: 'break-all' }}>
          {values.url}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export function billingEmailSubject(locale: Locale, kind: BillingEmailKind, values: BillingEmailValues) {
  return words(locale)(`billing.${kind}.subject`, textValues(values));
}
