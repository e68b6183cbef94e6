'use client';

import { Check, Copy } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Alert, AlertDescription } from '@/ui/alert';
import { Button } from '@/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/ui/dialog';
import { Input } from '@/ui/input';
import { Label } from '@/ui/label';
import { invitationActionSchema } from '../schemas';
import { createInvitationLinkAction } from '../server/actions';
import type { OpenedFromMenu } from './member-actions';

/**
 * "Copy link" for a pending invitation. Links are stored hashed, so the one
 * in the email cannot be shown again: the dialog says that a new link
 * replaces it, makes one on request, copies it to the clipboard and shows it
 * in a box to copy by hand when the clipboard is not available.
 */
export function InvitationLinkDialog({
  organizationId,
  invitationId,
  email,
  menu,
}: {
  organizationId: string;
  invitationId: string;
  email: string;
  /** Opened from the invitation's row menu. */
  menu: OpenedFromMenu;
}) {
  const t = useTranslations('organizations.invitations.link');
  return (
    <Dialog open={menu.open} onOpenChange={menu.onOpenChange}>
      <DialogContent closeLabel={t('close')} onCloseAutoFocus={menu.onCloseAutoFocus}>
        <DialogHeader>
          <DialogTitle>{t('title')}</DialogTitle>
          <DialogDescription>{t('description', { email })}</DialogDescription>
        </DialogHeader>
        {/* Inside the content: it starts afresh each time the dialog opens. */}
        <InvitationLinkBody organizationId={organizationId} invitationId={invitationId} />
      </DialogContent>
    </Dialog>
  );
}

function InvitationLinkBody({ organizationId, invitationId }: { organizationId: string; invitationId: string }) {
  const t = useTranslations('organizations.invitations.link');
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copyLink(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      // No clipboard (permissions, an insecure origin): the link is selected in its box instead.
      setCopy('failed');
      input.current?.select();
    }
  }

  const state = useActionForm({
    schema: invitationActionSchema,
    action: createInvitationLinkAction,
    defaultValues: { organizationId, invitationId },
    onSuccess: (data) => {
      setUrl(data.url);
      void copyLink(data.url);
      // The invitation's expiry moved forward.
      router.refresh();
    },
  });

  if (url) {
    return (
      <div className="grid gap-4">
        <div className="grid gap-2">
          <Label htmlFor={inputId}>{t('linkLabel')}</Label>
          <div className="flex gap-2">
            <Input
              ref={input}
              id={inputId}
              value={url}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              className="font-mono text-xs sm:text-xs"
              data-testid="invitation-link"
            />
            <Button type="button" variant="outline" onClick={() => void copyLink(url)}>
              {copy === 'copied' ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
              {t('copy')}
            </Button>
          </div>
        </div>
        <p role="status" className="text-sm text-muted-foreground">
          {copy === 'copied' ? t('copied') : copy === 'failed' ? t('copyFailed') : ''}
        </p>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{t('close')}</Button>
          </DialogClose>
        </DialogFooter>
      </div>
    );
  }

  return (
    <ActionForm state={state} className="grid gap-4" aria-label={t('title')}>
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <Alert variant="warning" role="note">
        <AlertDescription>
          <p>{t('replacesEmailed')}</p>
        </AlertDescription>
      </Alert>
      <FormError state={state} />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline">{t('cancel')}</Button>
        </DialogClose>
        <Button type="submit" loading={state.pending} loadingLabel={t('creating')}>
          {t('create')}
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
