import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Alert, AlertDescription, AlertTitle } from '@/ui/alert';
import { Button } from '@/ui/button';
import { plansPath } from '../paths';

/**
 * Says what the plan does not allow and where to upgrade: on a page gated by `meetsPlan`, or under a form
 * whose action was refused with PLAN_UPGRADE_REQUIRED (the refusal's translated message as `message`).
 * Those who cannot manage billing are told whom to ask instead of being sent to the plans.
 */
export function UpgradePrompt({
  slug,
  message,
  canManageBilling = true,
  organizationName,
  className,
}: {
  slug: string;
  /** What is not allowed; the generic "needs another plan" when absent. */
  message?: string;
  canManageBilling?: boolean;
  /** For "ask an owner or admin of …". */
  organizationName?: string;
  className?: string;
}) {
  const t = useTranslations('billing');
  return (
    <Alert variant="warning" className={className} data-upgrade-prompt="">
      <AlertTitle>{t('limits.upgradeTitle')}</AlertTitle>
      <AlertDescription>
        <p>{message ?? t('limits.planRequired')}</p>
        {canManageBilling ? (
          <Button asChild size="sm" className="mt-2 w-fit">
            <Link href={plansPath(slug)}>{t('limits.upgrade')}</Link>
          </Button>
        ) : (
          <p>{t('limits.askAnOwner', { organization: organizationName ?? slug })}</p>
        )}
      </AlertDescription>
    </Alert>
  );
}
