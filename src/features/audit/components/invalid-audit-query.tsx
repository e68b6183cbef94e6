import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Alert, AlertDescription } from '@/ui/alert';

/** An audit list's address that its query refuses (`action=bogus`, `page=0`): says so, and links to the whole log. */
export async function InvalidAuditQuery({ href }: { href: string }) {
  const t = await getTranslations('audit');
  return (
    <Alert variant="warning">
      <AlertDescription>
        {t('invalidQuery')}{' '}
        <Link href={href} className="font-medium underline underline-offset-4">
          {t('showAll')}
        </Link>
      </AlertDescription>
    </Alert>
  );
}
