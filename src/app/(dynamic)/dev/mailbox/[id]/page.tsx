import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { devMailboxEnabled, getMailboxMessage } from '@/platform/email/dev-mailbox';

/** One email of the dev mailbox: its HTML (in a sandboxed frame) and its plain-text part. */
export default async function DevMailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!devMailboxEnabled()) notFound();
  const [{ id }, t] = await Promise.all([params, getTranslations('app.devMailbox')]);
  const message = await getMailboxMessage(id);
  if (!message) notFound();
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-10">
      <Link href="/dev/mailbox" className="text-sm text-link underline-offset-4 hover:underline">
        {t('back')}
      </Link>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{message.subject}</h1>
        <p className="text-sm text-muted-foreground">
          {t('from')}: {message.from} · {t('to')}: {message.to.join(', ')}
        </p>
      </div>
      {/* An empty sandbox: the email's HTML cannot run scripts or reach this page. */}
      <iframe
        title={message.subject}
        sandbox=""
        srcDoc={message.html}
        className="h-[32rem] w-full rounded-lg border bg-white"
      />
      <section className="space-y-2">
        <h2 className="font-medium">{t('plainText')}</h2>
        <pre
          className="overflow-x-auto rounded-lg border bg-muted p-4 text-sm whitespace-pre-wrap"
          data-testid="plain-text"
        >
          {message.text}
        </pre>
      </section>
    </main>
  );
}
