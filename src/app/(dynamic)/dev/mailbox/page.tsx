import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { devMailboxEnabled, listMailboxMessages } from '@/platform/email/dev-mailbox';
import { EmptyState } from '@/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/ui/table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app.devMailbox');
  return { title: t('title'), robots: { index: false } };
}

/** Every email the app "sent" while no SMTP server is configured. Not mounted in production. */
export default async function DevMailboxPage() {
  if (!devMailboxEnabled()) notFound();
  const [messages, t, format] = await Promise.all([
    listMailboxMessages(),
    getTranslations('app.devMailbox'),
    getFormatter(),
  ]);
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-10">
      <Link href="/" className="text-sm text-link underline-offset-4 hover:underline">
        {t('backToApp')}
      </Link>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-muted-foreground">{t('description')}</p>
      </div>
      {messages.length === 0 ? (
        <EmptyState title={t('emptyTitle')} description={t('emptyDescription')} />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t('to')}</TableHead>
              <TableHead>{t('subject')}</TableHead>
              <TableHead>{t('sentAt')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {messages.map((message) => (
              <TableRow key={message.id}>
                <TableCell>{message.to.join(', ')}</TableCell>
                <TableCell>
                  <Link
                    className="font-medium text-link underline-offset-4 hover:underline"
                    href={`/dev/mailbox/${message.id}`}
                  >
                    {message.subject}
                  </Link>
                </TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">
                  {format.dateTime(message.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </main>
  );
}
