import { isPerSeat, planAmount, type PricingProduct } from '@/features/billing';
import { appConfig, type Locale } from '@/platform/config/app-config';
import type { JsonLdData } from '@/platform/seo/json-ld';
import { localizedUrl } from '@/platform/seo/localized-path';

const context = 'https://schema.org';

/** The organization behind the site (the landing page). */
export function organizationJsonLd(): JsonLdData {
  const logo = appConfig.site.logo.light ?? '/icon';
  return {
    '@context': context,
    '@type': 'Organization',
    name: appConfig.site.name,
    url: appConfig.site.url,
    logo: new URL(logo, appConfig.site.url).href,
    description: appConfig.site.description,
  };
}

/** A price in the currency's major unit, as schema.org expects ("12.00"). */
function majorUnits(amount: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return (amount / 10 ** digits).toFixed(digits);
}

const billingDuration = { month: 'P1M', year: 'P1Y' } as const;

/**
 * The product and its offers, from the plans (the pricing page): one offer per recurring plan at its
 * price for one seat, the free product at 0; "contact us" products have no public price and no offer.
 */
export function softwareApplicationJsonLd(products: readonly PricingProduct[], locale: Locale): JsonLdData {
  const url = localizedUrl(locale, '/pricing');
  // A free offer still names a currency: the catalogue's.
  const catalogueCurrency = (products.flatMap((product) => product.plans)[0]?.currency ?? 'usd').toUpperCase();
  const offers = products.flatMap((product) => {
    if (product.contactUs) return [];
    if (product.free)
      return [{ '@type': 'Offer', name: product.name, price: '0', priceCurrency: catalogueCurrency, url }];
    return product.plans.flatMap((plan) => {
      if (plan.interval === 'one_off') return [];
      const price = majorUnits(planAmount(plan, 1), plan.currency);
      const priceCurrency = plan.currency.toUpperCase();
      return [
        {
          '@type': 'Offer',
          name: product.name,
          price,
          priceCurrency,
          url,
          priceSpecification: {
            '@type': 'UnitPriceSpecification',
            price,
            priceCurrency,
            billingDuration: billingDuration[plan.interval],
            ...(isPerSeat(plan)
              ? { referenceQuantity: { '@type': 'QuantitativeValue', value: 1, unitText: 'seat' } }
              : {}),
          },
        },
      ];
    });
  });
  return {
    '@context': context,
    '@type': 'SoftwareApplication',
    name: appConfig.site.name,
    description: appConfig.site.description,
    url: localizedUrl(locale, '/'),
    applicationCategory: 'BusinessApplication',
    operatingSystem: 'Web',
    inLanguage: locale,
    offers,
  };
}

/** Questions and their answers (the FAQ page). */
export function faqPageJsonLd(items: readonly { question: string; answer: string }[], locale: Locale): JsonLdData {
  return {
    '@context': context,
    '@type': 'FAQPage',
    inLanguage: locale,
    url: localizedUrl(locale, '/faq'),
    mainEntity: items.map(({ question, answer }) => ({
      '@type': 'Question',
      name: question,
      acceptedAnswer: { '@type': 'Answer', text: answer },
    })),
  };
}
