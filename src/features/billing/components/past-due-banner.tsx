import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Alert, AlertDescription } from '@/ui/alert';

/**
 * Across an organization's pages, for those who may manage its billing, while its subscription waits
 * for a payment fix (docs/billing/local-gateway.md#past-due). It links to the billing page.
 */
export async function PastDueBanner({ organizationSlug }: { organizationSlug: string }) {
  const t = await getTranslations('billing.pastDue');
  return (
    <Alert variant="destructive" className="mx-4 mt-4 w-auto" data-testid="past-due-banner">
      <AlertDescription className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span>{t('message')}</span>
        <Link
          href={`/dashboard/${organizationSlug}/billing`}
          className="font-medium text-link underline underline-offset-4"
        >
          {t('action')}
        </Link>
      </AlertDescription>
    </Alert>
  );
}
