import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { devMailboxEnabled, getMailboxMessage } from '@/platform/email/dev-mailbox';
import { MAILBOX_FRAME_SANDBOX, mailboxFrameDocument } from '@/platform/email/mailbox-frame';

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
      {/* Sandboxed: the email's HTML runs no script and cannot reach this page; its links open in this tab. */}
      <iframe
        title={message.subject}
        sandbox={MAILBOX_FRAME_SANDBOX}
        srcDoc={mailboxFrameDocument(message.html)}
        className="h-[32rem] w-full rounded-lg border bg-white"
      />
      <section className="space-y-2">
        <h2 className="font-medium">{t('plainText')}</h2>
        <pre
          className="rounded-lg border bg-muted p-4 text-sm wrap-anywhere whitespace-pre-wrap"
          data-testid="plain-text"
        >
          {message.text}
        </pre>
      </section>
    </main>
  );
}
