import { getFormatter, getTranslations } from 'next-intl/server';
import { getSession } from '@/features/auth/server';
import { appConfig } from '@/platform/config/app-config';
import { ClientMessages } from '@/platform/i18n/client-messages';
import { Alert } from '@/ui/alert';
import { StopImpersonatingButton } from './stop-impersonating-button';

/**
 * Shown at the top of every signed-in page while a super admin impersonates the user (docs/admin/impersonation.md):
 * whom, until when — after that the session simply ends — and a button to stop. Renders nothing otherwise.
 */
export async function ImpersonationBanner() {
  const current = await getSession();
  if (!current?.session.impersonatedBy) return null;
  const [t, format] = await Promise.all([getTranslations('admin.impersonation.banner'), getFormatter()]);
  return (
    <Alert variant="warning" role="region" aria-label={t('label')} className="mb-6" data-testid="impersonation-banner">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p>
          {t('text', {
            name: current.user.name || current.user.email,
            email: current.user.email,
            time: format.dateTime(current.session.expiresAt, { timeStyle: 'short' }),
          })}
        </p>
        <ClientMessages paths={['admin.impersonation.banner']}>
          <StopImpersonatingButton permalink={appConfig.paths.dashboard} />
        </ClientMessages>
      </div>
    </Alert>
  );
}
