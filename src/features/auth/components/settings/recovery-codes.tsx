'use client';

import { Copy, Download } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Alert, AlertDescription, AlertTitle } from '@/ui/alert';
import { Button } from '@/ui/button';
import { toast } from '@/ui/toast';

/** The recovery codes, shown once, with ways to keep them: copy, download as a text file. */
export function RecoveryCodes({
  codes,
  email,
  siteName,
  onDone,
}: {
  codes: string[];
  email: string;
  siteName: string;
  onDone: () => void;
}) {
  const t = useTranslations('settings.security.recoveryCodes');
  const text = [t('fileHeader', { siteName, email }), '', ...codes, ''].join('\n');

  async function copy() {
    await navigator.clipboard.writeText(codes.join('\n'));
    toast.success({ title: t('copied') });
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${siteName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-recovery-codes.txt`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <Alert variant="warning" role="status" className="grid gap-3">
      <AlertTitle>{t('title')}</AlertTitle>
      <AlertDescription className="grid gap-3">
        <p>{t('description')}</p>
        <ul
          aria-label={t('listLabel')}
          data-testid="recovery-codes"
          className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md border bg-background p-3 font-mono text-sm text-foreground sm:max-w-sm"
        >
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" size="sm" onClick={() => void copy()}>
            <Copy aria-hidden />
            {t('copy')}
          </Button>
          <Button variant="outline" size="sm" onClick={download}>
            <Download aria-hidden />
            {t('download')}
          </Button>
          <Button size="sm" onClick={onDone}>
            {t('done')}
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}
