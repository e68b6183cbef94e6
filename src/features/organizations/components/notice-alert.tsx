import { getTranslations } from 'next-intl/server';
import { Alert, AlertDescription } from '@/ui/alert';
import { ORGANIZATION_NOTICES, type OrganizationNotice } from '../notices';

/** The message of a ?notice=… a redirect brought (a server component: it is there in the first paint). */
export async function OrganizationNoticeAlert({
  notice,
  organizationName = '',
}: {
  notice: OrganizationNotice | null;
  /** The organization the page shows, named by some notices ("You joined Acme."). */
  organizationName?: string;
}) {
  if (!notice) return null;
  const t = await getTranslations('organizations.layout.notices');
  return (
    <Alert variant="success" data-testid="organization-notice">
      <AlertDescription>
        <p>{t(ORGANIZATION_NOTICES[notice], { organization: organizationName })}</p>
      </AlertDescription>
    </Alert>
  );
}
