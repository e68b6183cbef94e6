'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { z } from 'zod';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/ui/dialog';
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from '@/ui/form';
import { NativeSelect } from '@/ui/native-select';
import { toast } from '@/ui/toast';
import { transferOwnershipSchema } from '../schemas';
import { IdentityProofFields, identityProofDefaults, type IdentityProof } from './identity-proof-fields';
import { transferOwnershipAction } from '../server/actions';
import type { OpenedFromMenu } from './member-actions';

export interface TransferCandidate {
  memberId: string;
  name: string;
  email: string;
  role: string;
}

// An empty choice reads "required" rather than "not valid"; the server's schema refuses it too.
const transferForm = transferOwnershipSchema.extend({
  memberId: z.string().min(1, 'validation.required').pipe(transferOwnershipSchema.shape.memberId),
});

/**
 * Makes another member the owner: choose them, confirm it is you, and you
 * become the role below owner. The server checks the viewer's identity and
 * role again.
 */
export function TransferOwnershipDialog({
  organizationId,
  organizationName,
  candidates,
  roleLabels,
  formerOwnerRole,
  proof,
  recentSignInMinutes,
  menu,
}: {
  organizationId: string;
  organizationName: string;
  /** Who may become the owner; with one, the dialog opens with them chosen (from their row's menu). */
  candidates: TransferCandidate[];
  roleLabels: Record<string, string>;
  /** The role the viewer has afterwards. */
  formerOwnerRole: string;
  proof: IdentityProof;
  recentSignInMinutes: number;
  /** Opened from a member's row menu rather than by its own button. */
  menu?: OpenedFromMenu;
}) {
  const t = useTranslations('organizations.members.transfer');
  const [ownOpen, setOwnOpen] = useState(false);
  const open = menu ? menu.open : ownOpen;
  const setOpen = menu ? menu.onOpenChange : setOwnOpen;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {menu ? null : (
        <DialogTrigger asChild>
          <Button variant="outline">{t('open')}</Button>
        </DialogTrigger>
      )}
      <DialogContent closeLabel={t('cancel')} onCloseAutoFocus={menu?.onCloseAutoFocus}>
        <DialogHeader>
          <DialogTitle>{t('dialogTitle', { organization: organizationName })}</DialogTitle>
          <DialogDescription>
            {t('dialogDescription', { role: roleLabels[formerOwnerRole] ?? formerOwnerRole })}
          </DialogDescription>
        </DialogHeader>
        <TransferOwnershipForm
          organizationId={organizationId}
          candidates={candidates}
          roleLabels={roleLabels}
          proof={proof}
          recentSignInMinutes={recentSignInMinutes}
          onDone={() => setOpen(false)}
        />
      </DialogContent>
    </Dialog>
  );
}

function TransferOwnershipForm({
  organizationId,
  candidates,
  roleLabels,
  proof,
  recentSignInMinutes,
  onDone,
}: {
  organizationId: string;
  candidates: TransferCandidate[];
  roleLabels: Record<string, string>;
  proof: IdentityProof;
  recentSignInMinutes: number;
  onDone: () => void;
}) {
  const t = useTranslations('organizations.members.transfer');
  const router = useRouter();
  const state = useActionForm({
    schema: transferForm,
    action: transferOwnershipAction,
    defaultValues: {
      organizationId,
      memberId: candidates.length === 1 ? candidates[0]!.memberId : '',
      ...identityProofDefaults(proof),
    },
    onSuccess: () => {
      const chosen = candidates.find((candidate) => candidate.memberId === state.form.getValues('memberId'));
      toast.success({ title: t('transferred', { name: chosen ? chosen.name || chosen.email : '' }) });
      onDone();
      router.refresh();
    },
  });

  return (
    <ActionForm state={state} className="grid gap-4" aria-label={t('open')}>
      <input type="hidden" name="organizationId" value={organizationId} />
      <FormError state={state} fields={['memberId', 'password', 'code']} />
      <FormField
        control={state.form.control}
        name="memberId"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t('memberLabel')}</FormLabel>
            <FormControl>
              <NativeSelect {...field}>
                <option value="" disabled>
                  {t('memberPlaceholder')}
                </option>
                {candidates.map((candidate) => (
                  <option key={candidate.memberId} value={candidate.memberId}>
                    {t('candidate', {
                      name: candidate.name || candidate.email,
                      email: candidate.email,
                      role: roleLabels[candidate.role] ?? candidate.role,
                    })}
                  </option>
                ))}
              </NativeSelect>
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <IdentityProofFields control={state.form.control} proof={proof} recentSignInMinutes={recentSignInMinutes} />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline">{t('cancel')}</Button>
        </DialogClose>
        <Button type="submit" variant="destructive" loading={state.pending} loadingLabel={t('submitting')}>
          {t('submit')}
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
