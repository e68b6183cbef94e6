import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthHeader } from '@/features/auth/components/auth-header';
import { OnboardingForm } from '@/features/auth/components/onboarding-form';
import { AUTH_PAGES, authHref, firstValue, landingPath, safeRedirectPath } from '@/features/auth';
import { requireUser } from '@/features/auth/server';
import { appConfig } from '@/platform/config/app-config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.onboarding');
  return { title: t('title') };
}

type SearchParams = Promise<Record<'next', string | string[] | undefined>>;

/**
 * The first step after signing up, in the card layout (the app's sidebar
 * would only distract): a name. Users who finished it are sent on.
 *
 * Then `next` when there is one (the invitation the user signed up from),
 * else /dashboard, which sends a user without an organization to the next
 * steps: /onboarding/organization (create one, or accept an invitation to
 * their address), then /onboarding/invite (invite teammates).
 */
export default async function OnboardingPage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeRedirectPath(firstValue((await searchParams).next), '');
  const user = await requireUser({ allowOnboarding: true });
  if (user.onboardedAt) redirect(landingPath(user, next, appConfig.paths.dashboard));
  const t = await getTranslations('auth.onboarding');
  return (
    <div className="space-y-6">
      <AuthHeader title={t('title')} description={t('description')} />
      <OnboardingForm defaultName={user.name} next={next} permalink={authHref(AUTH_PAGES.onboarding, { next })} />
    </div>
  );
}
