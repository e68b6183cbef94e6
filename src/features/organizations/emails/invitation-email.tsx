import { Button, Link, Text } from '@react-email/components';
import type { Locale } from '@/platform/config/app-config-schema';
import { appConfig } from '@/platform/config/app-config';
import { EmailLayout, emailText } from '@/platform/email/email-layout';
import { translatorFor } from '@/platform/i18n/translator';
import { brandPalette } from '@/platform/theme/brand-palette';

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
  const brand = brandPalette(appConfig.theme.brandColor).light;
  return (
    <EmailLayout
      locale={locale}
      preview={t('invitation.preview', v)}
      footer={t('footer', { siteName: appConfig.site.name })}
    >
      <Text style={emailText}>{t('account.greeting')}</Text>
      <Text style={emailText}>{t('invitation.body', v)}</Text>
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
        {t('invitation.action', v)}
      </Button>
      <Text style={{ ...emailText, fontSize: 13, color: '#4b5563', marginTop: 24 }}>
        {t('account.linkFallback')}{' '}
        <Link href={values.url} style={{ color: brand.text, wordBreak: 'break-all' }}>
          {values.url}
        </Link>
      </Text>
      <Text style={{ ...emailText, fontSize: 13, color: '#4b5563' }}>{t('invitation.notYou', v)}</Text>
    </EmailLayout>
  );
}

export function invitationEmailSubject(locale: Locale, values: InvitationEmailValues) {
  return words(locale)('invitation.subject', textValues(values));
}
