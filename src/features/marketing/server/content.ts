import 'server-only';
import { getTranslations } from 'next-intl/server';
import { pricingCatalogue, type TranslateKey } from '@/features/billing/server/public';
import { appConfig, type Locale } from '@/platform/config/app-config';
import { messagesFor } from '@/platform/i18n/messages';
import type { FaqItem } from '../components/faq-list';
import { FAQ_IDS, type FaqId } from '../landing-config';

/** The FAQ in a language, all of it or the entries named (in the FAQ's order). */
export async function faqItems(locale: Locale, ids: readonly FaqId[] = FAQ_IDS): Promise<FaqItem[]> {
  const t = await getTranslations({ locale, namespace: 'marketing.faq.items' });
  const siteName = appConfig.site.name;
  return FAQ_IDS.filter((id) => ids.includes(id)).map((id) => ({
    id,
    question: t(`${id}.question`, { siteName }),
    answer: t(`${id}.answer`),
  }));
}

/** The plans the public pages offer, translated: the same catalogue as the in-app upgrade page. */
export async function publicPricingProducts(locale: Locale) {
  const t = await getTranslations({ locale });
  return pricingCatalogue(t as unknown as TranslateKey);
}

/**
 * The messages billing's pricing table needs in the browser. The public layout sends none
 * (docs/navigation/public-pages.md); the pricing page gives its table this one part of `billing`.
 */
export function pricingTableMessages(locale: Locale) {
  return { billing: { pricing: messagesFor(locale).billing.pricing } };
}
