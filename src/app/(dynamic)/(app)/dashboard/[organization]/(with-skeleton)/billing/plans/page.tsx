import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PlanPicker } from '@/features/billing/components/plan-picker';
import { loadBillingAccount, pricingCatalogue, type TranslateKey } from '@/features/billing/server';
import { requireOrganization } from '@/features/organizations/server';
import { PageHeader } from '@/ui/page-header';

interface PlansPageProps {
  params: Promise<{ organization: string }>;
}

export async function generateMetadata({ params }: PlansPageProps): Promise<Metadata> {
  const [{ organization }, t] = await Promise.all([params, getTranslations('billing.pricing')]);
  const access = await requireOrganization(organization, { permission: 'billing.manage' });
  return { title: t('metaTitle', { organization: access.organization.name }) };
}

/** /dashboard/<slug>/billing/plans: the upgrade page, for those with billing.manage (404 for anyone else). */
export default async function PlansPage({ params }: PlansPageProps) {
  const { organization: slug } = await params;
  const { organization, user } = await requireOrganization(slug, { permission: 'billing.manage' });
  const account = await loadBillingAccount(
    { userId: user.id, organizationId: organization.id },
    { withInvoices: false },
  );
  const [t, tRoot] = await Promise.all([getTranslations('billing.pricing'), getTranslations()]);
  const subscription = account.subscription;
  return (
    <div className="grid w-full gap-6">
      <PageHeader title={t('title')} description={t('description')} className="pb-0" />
      <PlanPicker
        organizationId={organization.id}
        slug={organization.slug}
        products={pricingCatalogue(tRoot as unknown as TranslateKey, account.product.id)}
        current={{ productId: account.product.id, planId: account.plan?.id ?? null }}
        subscription={
          subscription
            ? {
                periodEndsAt: subscription.periodEndsAt.toISOString(),
                cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
              }
            : null
        }
        memberCount={account.seats.used}
      />
    </div>
  );
}
