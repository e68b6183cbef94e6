import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AuthHeader } from '@/features/auth/components/auth-header';
import { ActionButtonForm } from '@/platform/http/client/action-button-form';
import { AUTH_PAGES, authHref, firstValue, landingPath } from '@/features/auth';
import { signOut, getUser } from '@/features/auth/server';
import { AcceptInvitationButton } from '@/features/organizations/components/accept-invitation-button';
import { previewInvitation, type InvitationPreview } from '@/features/organizations/server';
import { acceptInvitationSchema } from '@/features/organizations';
import { appConfig } from '@/platform/config/app-config';
import { Alert, AlertDescription } from '@/ui/alert';
import { Button } from '@/ui/button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('organizations.join');
  // The address carries a secret token: keep it out of search engines.
  return { title: t('metaTitle'), robots: { index: false } };
}

type SearchParams = Promise<Record<'token', string | string[] | undefined>>;

/** This page again, for the same invitation (where sign-in, sign-up and sign-out come back to). */
function joinPath(token: string) {
  return `/join?token=${encodeURIComponent(token)}`;
}

/**
 * Where an invitation link leads. Reading it changes nothing: accepting is a
 * button (a form post), since mail scanners open links. What it shows depends
 * on the invitation and on who is reading:
 * - a link that matches nothing, or an invitation expired, used or withdrawn: says so;
 * - signed out: the organization, who invited, the role and the invited
 *   address, with "Create an account" and "Sign in" (both come back here);
 * - signed in before finishing onboarding: onboarding first, then back here;
 * - signed in with another address: says so, offers to sign out;
 * - signed in with the invited address, not confirmed yet: confirm first;
 * - signed in with the invited, confirmed address: "Accept invitation".
 */
export default async function JoinPage({ searchParams }: { searchParams: SearchParams }) {
  const token = firstValue((await searchParams).token) ?? '';
  const valid = acceptInvitationSchema.safeParse({ token }).success;
  const [invitation, user, t] = await Promise.all([
    valid ? previewInvitation(token) : null,
    getUser(),
    getTranslations('organizations.join'),
  ]);

  if (!invitation) {
    return (
      <Outcome title={t('invalidTitle')} description={t('invalid')}>
        <HomeButton signedIn={Boolean(user)} label={user ? t('toDashboard') : t('toHome')} />
      </Outcome>
    );
  }
  if (invitation.state !== 'pending') {
    const values = { organization: invitation.organizationName };
    return (
      <Outcome title={t(`${invitation.state}Title`)} description={t(invitation.state, values)}>
        <HomeButton signedIn={Boolean(user)} label={user ? t('toDashboard') : t('toHome')} />
      </Outcome>
    );
  }

  const here = joinPath(token);
  // Onboarding (a name) comes first; it brings the user back here.
  if (user && !user.onboardedAt) redirect(landingPath(user, here));

  return (
    <div className="space-y-6" data-testid="invitation">
      <AuthHeader
        title={t('title', { organization: invitation.organizationName })}
        description={await invitationLine(invitation)}
      />
      <p className="rounded-md border bg-muted/40 px-3 py-2 text-center text-sm break-words">
        {t('invitedEmail')} <span className="font-medium">{invitation.email}</span>
      </p>
      {!user ? (
        <div className="grid gap-3">
          <p className="text-center text-sm text-muted-foreground">{t('signedOutHint', { email: invitation.email })}</p>
          <Button asChild className="w-full">
            <Link href={authHref(appConfig.paths.signUp, { email: invitation.email, next: here })}>
              {t('createAccount')}
            </Link>
          </Button>
          <Button asChild variant="outline" className="w-full">
            <Link href={authHref(appConfig.paths.signIn, { email: invitation.email, next: here })}>{t('signIn')}</Link>
          </Button>
        </div>
      ) : user.email.toLowerCase() !== invitation.email ? (
        <div className="grid gap-4">
          <Alert variant="warning">
            <AlertDescription>
              <p>{t('otherAccount', { current: user.email, email: invitation.email })}</p>
            </AlertDescription>
          </Alert>
          <ActionButtonForm
            action={signOut}
            permalink={here}
            fields={{ next: here }}
            label={t('signOut')}
            pendingLabel={t('signingOut')}
            size="md"
            className="justify-items-stretch"
          />
        </div>
      ) : !user.emailVerified ? (
        <div className="grid gap-4">
          <Alert variant="warning">
            <AlertDescription>
              <p>{t('verifyFirst', { email: invitation.email })}</p>
            </AlertDescription>
          </Alert>
          <Button asChild variant="outline" className="w-full">
            <Link href={authHref(AUTH_PAGES.verifyEmail, { email: invitation.email, next: here })}>
              {t('sendConfirmation')}
            </Link>
          </Button>
        </div>
      ) : (
        <div className="grid gap-3">
          <AcceptInvitationButton
            by={{ token }}
            permalink={here}
            label={t('accept')}
            pendingLabel={t('accepting')}
            className="justify-items-stretch"
          />
          <Button asChild variant="ghost" className="w-full">
            <Link href={appConfig.paths.dashboard}>{t('notNow')}</Link>
          </Button>
        </div>
      )}
    </div>
  );
}

/** "Ada invited you to join Acme as Admin." */
async function invitationLine(invitation: InvitationPreview) {
  const [t, roles] = await Promise.all([getTranslations('organizations.join'), getTranslations('organizations.roles')]);
  const role = roles.has(invitation.role as never) ? roles(invitation.role as never) : invitation.role;
  const values = { organization: invitation.organizationName, role };
  return invitation.inviterName ? t('invitedBy', { ...values, inviter: invitation.inviterName }) : t('invited', values);
}

function Outcome({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <div className="space-y-6" data-testid="invitation-unavailable">
      <AuthHeader title={title} description={description} />
      {children}
    </div>
  );
}

function HomeButton({ signedIn, label }: { signedIn: boolean; label: string }) {
  return (
    <Button asChild variant="outline" className="w-full">
      <Link href={signedIn ? appConfig.paths.dashboard : appConfig.paths.home}>{label}</Link>
    </Button>
  );
}
