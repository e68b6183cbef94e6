'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { TextField } from '@/ui/form';
import { deleteOrganizationSchema } from '../schemas';
import { deleteOrganizationAction } from '../server/actions';
import { IdentityProofFields, identityProofDefaults, type IdentityProof } from './identity-proof-fields';

/**
 * Deleting the organization: a confirm dialog where the owner types its name and
 * confirms it is them (password, authenticator code or a recent sign-in). On
 * success the action sends the browser to /dashboard with a notice.
 */
export function DeleteOrganizationDialog({
  organizationId,
  organizationName,
  proof,
  recentSignInMinutes,
}: {
  organizationId: string;
  organizationName: string;
  proof: IdentityProof;
  recentSignInMinutes: number;
}) {
  const t = useTranslations('organizations.settings.delete');
  const state = useActionForm({
    schema: deleteOrganizationSchema,
    action: deleteOrganizationAction,
    defaultValues: { organizationId, confirmation: '', ...identityProofDefaults(proof) },
  });

  return (
    <ConfirmDialog
      trigger={<Button variant="destructive">{t('open')}</Button>}
      title={t('dialogTitle', { organization: organizationName })}
      description={t('dialogDescription')}
      cancelLabel={t('cancel')}
      confirmLabel={t('submit')}
      pendingLabel={t('submitting')}
      pending={state.pending}
      form={(content) => (
        <ActionForm state={state} className="grid gap-4" aria-label={t('open')}>
          <input type="hidden" name="organizationId" value={organizationId} />
          {content}
        </ActionForm>
      )}
    >
      <FormError state={state} fields={['confirmation', 'password', 'code']} />
      <TextField
        control={state.form.control}
        name="confirmation"
        // One span: the label is a flex container, which would space the name out as its own item.
        label={
          <span>
            {t.rich('confirmationLabel', {
              name: organizationName,
              strong: (chunks) => <strong className="font-semibold">{chunks}</strong>,
            })}
          </span>
        }
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
      />
      <IdentityProofFields control={state.form.control} proof={proof} recentSignInMinutes={recentSignInMinutes} />
    </ConfirmDialog>
  );
}
