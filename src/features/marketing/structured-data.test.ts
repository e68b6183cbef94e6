import { describe, expect, it } from 'vitest';
import type { PricingProduct } from '@/features/billing';
import { appConfig, LOCALES } from '@/platform/config/app-config';
import { faqPageJsonLd, organizationJsonLd, softwareApplicationJsonLd } from './structured-data';

const site = appConfig.site.url;
const otherLocale = LOCALES.find((locale) => locale !== appConfig.locales.default)!;

const product = (overrides: Partial<PricingProduct>): PricingProduct => ({
  id: 'x',
  name: 'X',
  description: '',
  features: [],
  recommended: false,
  free: false,
  contactUs: false,
  plans: [],
  ...overrides,
});

const products: PricingProduct[] = [
  product({ id: 'free', name: 'Free', free: true }),
  product({
    id: 'pro',
    name: 'Pro',
    plans: [
      {
        id: 'pro-monthly',
        interval: 'month',
        currency: 'eur',
        trialDays: 0,
        lineItems: [{ type: 'per_seat', id: 'seats', amount: 1200, minimumSeats: 1 }],
      },
      {
        id: 'pro-yearly',
        interval: 'year',
        currency: 'eur',
        trialDays: 0,
        lineItems: [{ type: 'flat', id: 'base', amount: 99900 }],
      },
      { id: 'pro-once', interval: 'one_off', currency: 'eur', trialDays: 0, lineItems: [] },
    ],
  }),
  // A price in the configuration, but sold through a conversation: no public offer.
  product({
    id: 'enterprise',
    name: 'Enterprise',
    contactUs: true,
    plans: [
      {
        id: 'enterprise-monthly',
        interval: 'month',
        currency: 'eur',
        trialDays: 0,
        lineItems: [{ type: 'flat', id: 'base', amount: 50000 }],
      },
    ],
  }),
];

describe('structured data', () => {
  it('Organization names the site, its URL and an absolute logo', () => {
    expect(organizationJsonLd()).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: appConfig.site.name,
      url: site,
      logo: expect.stringMatching(new RegExp(`^${site}/`)),
    });
  });

  it('SoftwareApplication offers each recurring plan at its price, the free plan at 0, contact-us plans not at all', () => {
    const data = softwareApplicationJsonLd(products, otherLocale) as unknown as { offers: Record<string, unknown>[] };
    expect(data).toMatchObject({ '@type': 'SoftwareApplication', inLanguage: otherLocale });
    expect(data.offers).toEqual([
      { '@type': 'Offer', name: 'Free', price: '0', priceCurrency: 'EUR', url: `${site}/${otherLocale}/pricing` },
      expect.objectContaining({
        name: 'Pro',
        price: '12.00',
        priceCurrency: 'EUR',
        priceSpecification: expect.objectContaining({
          billingDuration: 'P1M',
          referenceQuantity: { '@type': 'QuantitativeValue', value: 1, unitText: 'seat' },
        }),
      }),
      expect.objectContaining({
        name: 'Pro',
        price: '999.00',
        priceSpecification: expect.not.objectContaining({ referenceQuantity: expect.anything() }),
      }),
    ]);
  });

  it('FAQPage lists each question with its accepted answer', () => {
    expect(faqPageJsonLd([{ question: 'Q1?', answer: 'A1.' }], otherLocale)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      inLanguage: otherLocale,
      url: `${site}/${otherLocale}/faq`,
      mainEntity: [{ '@type': 'Question', name: 'Q1?', acceptedAnswer: { '@type': 'Answer', text: 'A1.' } }],
    });
  });
});
