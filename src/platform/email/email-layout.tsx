import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { appConfig } from '@/platform/config/app-config';
import type { Locale } from '@/platform/config/app-config-schema';
import { brandPalette } from '@/platform/theme/brand-palette';

/**
 * The frame of every email: the brand name in the brand colour, the content,
 * and a footer. Email clients ignore stylesheets, so styles are inline.
 */
export function EmailLayout({
  locale,
  preview,
  footer,
  children,
}: {
  locale: Locale;
  preview: string;
  footer: string;
  children: ReactNode;
}) {
  const brand = brandPalette(appConfig.theme.brandColor).light;
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: '#f4f5f7',
          fontFamily: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
          margin: 0,
          padding: '24px 0',
        }}
      >
        <Container style={{ backgroundColor: '#ffffff', borderRadius: 8, maxWidth: 560, padding: '32px 40px' }}>
          <Text style={{ color: brand.text, fontSize: 20, fontWeight: 700, margin: '0 0 24px' }}>
            {appConfig.site.name}
          </Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: '#e5e7eb', margin: '32px 0 16px' }} />
          <Text style={{ color: '#6b7280', fontSize: 12, lineHeight: '18px', margin: 0 }}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const emailText = { color: '#111827', fontSize: 15, lineHeight: '24px', margin: '0 0 16px' } as const;

/**
 * An email's one call to action: a button in the brand colour, then the same address as text for clients
 * that do not show buttons (`fallback` introduces it, e.g. "Or copy this link:").
 */
export function EmailAction({ href, label, fallback }: { href: string; label: string; fallback: string }) {
  const brand = brandPalette(appConfig.theme.brandColor).light;
  return (
    <>
      <Button
        href={href}
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
        {label}
      </Button>
      <Text style={{ ...emailText, fontSize: 13, color: '#4b5563', marginTop: 24 }}>
        {fallback}{' '}
        <Link href={href} style={{ color: brand.text, wordBreak: 'break-all' }}>
          {href}
        </Link>
      </Text>
    </>
  );
}
