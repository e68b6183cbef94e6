import { Monitor, Smartphone, Tablet } from 'lucide-react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { SessionSummary } from '../../server/sessions';
import { Badge } from '@/ui/badge';
import { SignOutOtherSessionsButton, SignOutSessionButton } from './session-buttons';

const KIND_ICONS = { desktop: Monitor, mobile: Smartphone, tablet: Tablet };

/** IPv6 addresses in their short form ("2001:db8::"); better-auth stores them written out in full. */
function readableIp(ip: string) {
  if (!ip.includes(':')) return ip;
  try {
    return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  } catch {
    return ip;
  }
}

/** The user's signed-in devices, this one first; times relative to now ("2 hours ago"). */
export async function SessionsList({ sessions }: { sessions: SessionSummary[] }) {
  const [t, tImpersonation, format] = await Promise.all([
    getTranslations('settings.security.sessions'),
    getTranslations('admin.impersonation'),
    getFormatter(),
  ]);
  const now = new Date();
  const others = sessions.filter((session) => !session.current).length;

  function deviceName({ device }: SessionSummary) {
    if (device.browser && device.os) return t('device', { browser: device.browser, os: device.os });
    return device.browser ?? device.os ?? t('unknownDevice');
  }

  return (
    <div className="grid gap-4">
      <ul className="divide-y rounded-md border" data-testid="sessions">
        {sessions.map((session) => {
          const Icon = KIND_ICONS[session.device.kind];
          const name = deviceName(session);
          const details = [
            session.ipAddress ? t('ip', { ip: readableIp(session.ipAddress) }) : null,
            t('signedIn', { date: format.relativeTime(session.createdAt, now) }),
            t('lastActive', { date: format.relativeTime(session.lastActiveAt, now) }),
          ].filter(Boolean);
          return (
            <li key={session.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="flex min-w-0 gap-3">
                <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-muted-foreground" />
                <div className="grid min-w-0 gap-0.5">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    {name}
                    {session.current ? <Badge variant="outline">{t('thisDevice')}</Badge> : null}
                    {/* A super admin impersonating the user (docs/admin/impersonation.md). */}
                    {session.impersonated ? <Badge variant="secondary">{tImpersonation('sessionBadge')}</Badge> : null}
                  </p>
                  <p className="text-sm [overflow-wrap:anywhere] text-muted-foreground">{details.join(' · ')}</p>
                </div>
              </div>
              {session.current ? null : <SignOutSessionButton sessionId={session.id} deviceName={name} />}
            </li>
          );
        })}
      </ul>
      {others > 0 ? (
        <SignOutOtherSessionsButton />
      ) : (
        <p className="text-sm text-muted-foreground">{t('onlyThisOne')}</p>
      )}
    </div>
  );
}
