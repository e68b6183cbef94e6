import { KeyRound, Link2, Mail } from 'lucide-react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { SignInMethod } from '../../server/sign-in-methods';

/** The account's sign-in methods, read-only: password, OAuth providers, and email links when they are on. */
export async function SignInMethodsList({
  methods,
  providerNames,
  magicLink,
  email,
}: {
  methods: SignInMethod[];
  providerNames: Record<string, string>;
  /** Whether sign-in by emailed link is enabled (it needs no set-up per account). */
  magicLink: boolean;
  email: string;
}) {
  const [t, format] = await Promise.all([getTranslations('settings.security.methods'), getFormatter()]);
  return (
    <ul className="divide-y rounded-md border" data-testid="sign-in-methods">
      {methods.map((method) => {
        const Icon = method.providerId === 'credential' ? KeyRound : Link2;
        const name =
          method.providerId === 'credential'
            ? t('credential')
            : (providerNames[method.providerId] ?? method.providerId);
        return (
          <li key={method.providerId} className="flex items-center gap-3 p-4">
            <Icon aria-hidden className="size-5 shrink-0 text-muted-foreground" />
            <div className="grid gap-0.5">
              <p className="font-medium">{name}</p>
              <p className="text-sm text-muted-foreground">
                {t('added', { date: format.dateTime(method.linkedAt, { dateStyle: 'medium' }) })}
              </p>
            </div>
          </li>
        );
      })}
      {magicLink ? (
        <li className="flex items-center gap-3 p-4">
          <Mail aria-hidden className="size-5 shrink-0 text-muted-foreground" />
          <div className="grid gap-0.5">
            <p className="font-medium">{t('magicLink')}</p>
            <p className="text-sm break-all text-muted-foreground">{t('magicLinkNote', { email })}</p>
          </div>
        </li>
      ) : null}
    </ul>
  );
}
