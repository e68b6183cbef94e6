'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ActionForm, FormError, useActionForm } from '@/platform/http/client/action-form';
import { Button } from '@/ui/button';
import { FormControl, FormField, FormItem, FormLabel, FormMessage, TextField } from '@/ui/form';
import { NativeSelect } from '@/ui/native-select';
import { toast } from '@/ui/toast';
import { adminOrganizationPath, adminOrganizationsPath } from '../paths';
import { deleteOrganizationSchema, grantPlanSchema, transferOrganizationSchema } from '../schemas';
import { deleteOrganizationAction, grantPlanAction, transferOrganizationAction } from '../server/organization-actions';

interface Option {
  value: string;
  label: string;
}

/** Gives the organization a product until a day, for a reason the organization's owners and admins will read. */
export function GrantPlanForm({
  organizationId,
  products,
  initialProductId,
}: {
  organizationId: string;
  products: Option[];
  initialProductId: string;
}) {
  const tGrant = useTranslations('admin.organizations.grant');
  const router = useRouter();
  const state = useActionForm({
    schema: grantPlanSchema,
    action: grantPlanAction,
    defaultValues: { organizationId, productId: initialProductId, until: '', reason: '' },
    permalink: adminOrganizationPath(organizationId),
    onSuccess: () => {
      toast.success({ title: tGrant('done') });
      state.form.reset({ organizationId, productId: initialProductId, until: '', reason: '' });
      router.refresh();
    },
  });
  return (
    <ActionForm state={state} className="grid gap-4" aria-label={tGrant('title')}>
      <FormError state={state} fields={['productId', 'until', 'reason']} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <FormField
        control={state.form.control}
        name="productId"
        render={({ field }) => (
          <FormItem className="sm:max-w-xs">
            <FormLabel>{tGrant('product')}</FormLabel>
            <FormControl>
              <NativeSelect {...field}>
                {products.map((product) => (
                  <option key={product.value} value={product.value}>
                    {product.label}
                  </option>
                ))}
              </NativeSelect>
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <TextField
        control={state.form.control}
        name="until"
        label={tGrant('until')}
        description={tGrant('untilHint')}
        type="date"
        className="sm:max-w-xs"
      />
      <TextField
        control={state.form.control}
        name="reason"
        label={tGrant('reason')}
        description={tGrant('reasonHint')}
        maxLength={500}
      />
      <div>
        <Button type="submit" loading={state.pending} loadingLabel={tGrant('submitting')}>
          {tGrant('submit')}
        </Button>
      </div>
    </ActionForm>
  );
}

/** Makes one of the members the organization's only owner. */
export function TransferOwnershipForm({ organizationId, members }: { organizationId: string; members: Option[] }) {
  const tTransfer = useTranslations('admin.organizations.transfer');
  const router = useRouter();
  const state = useActionForm({
    schema: transferOrganizationSchema,
    action: transferOrganizationAction,
    defaultValues: { organizationId, memberId: members[0]?.value ?? '' },
    permalink: adminOrganizationPath(organizationId),
    onSuccess: () => {
      toast.success({ title: tTransfer('done') });
      router.refresh();
    },
  });
  return (
    <ActionForm state={state} className="grid gap-4" aria-label={tTransfer('title')}>
      <FormError state={state} fields={['memberId']} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <FormField
        control={state.form.control}
        name="memberId"
        render={({ field }) => (
          <FormItem className="sm:max-w-sm">
            <FormLabel>{tTransfer('member')}</FormLabel>
            <FormControl>
              <NativeSelect {...field}>
                {members.map((member) => (
                  <option key={member.value} value={member.value}>
                    {member.label}
                  </option>
                ))}
              </NativeSelect>
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <div>
        <Button type="submit" variant="outline" loading={state.pending} loadingLabel={tTransfer('submitting')}>
          {tTransfer('submit')}
        </Button>
      </div>
    </ActionForm>
  );
}

/** Deletes the organization once its slug is typed again. */
export function DeleteOrganizationForm({ organizationId, slug }: { organizationId: string; slug: string }) {
  const tDelete = useTranslations('admin.organizations.delete');
  const router = useRouter();
  const state = useActionForm({
    schema: deleteOrganizationSchema,
    action: deleteOrganizationAction,
    defaultValues: { organizationId, confirmation: '' },
    permalink: adminOrganizationPath(organizationId),
    onSuccess: ({ name }) => {
      toast.success({ title: tDelete('done', { name }) });
      router.push(adminOrganizationsPath);
    },
  });
  return (
    <ActionForm state={state} className="grid gap-4" aria-label={tDelete('title')}>
      <FormError state={state} fields={['confirmation']} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <TextField
        control={state.form.control}
        name="confirmation"
        label={tDelete('confirmation', { slug })}
        autoComplete="off"
        className="sm:max-w-sm"
      />
      <div>
        <Button type="submit" variant="destructive" loading={state.pending} loadingLabel={tDelete('submitting')}>
          {tDelete('submit')}
        </Button>
      </div>
    </ActionForm>
  );
}
