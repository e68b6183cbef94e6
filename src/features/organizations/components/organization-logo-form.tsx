'use client';

import { useTranslations } from 'next-intl';
import { imageRuleValues } from '@/platform/images/image-rules';
import { ImageUploadField } from '@/platform/images/image-upload-field';
import { Avatar } from '@/ui/avatar';
import { LOGO_ACCEPT, LOGO_IMAGE } from '../logo-rules';
import { removeOrganizationLogoAction, uploadOrganizationLogoAction } from '../server/logo-actions';

/**
 * The organization's logo and the field that changes it
 * (src/platform/images/image-upload-field.tsx). Without `canEdit`, the logo is
 * only shown.
 */
export function OrganizationLogoForm({
  organizationId,
  organizationName,
  logoUrl,
  canEdit,
}: {
  organizationId: string;
  organizationName: string;
  logoUrl: string | null;
  canEdit: boolean;
}) {
  const t = useTranslations('organizations.logo');
  const logo = (
    <Avatar
      name={organizationName || '?'}
      src={logoUrl}
      aria-label={t('imageLabel', { name: organizationName })}
      className="size-20 rounded-lg text-2xl"
    />
  );

  if (!canEdit) {
    return (
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
        {logo}
        <p className="text-sm text-muted-foreground">{t('readOnly')}</p>
      </div>
    );
  }

  return (
    <ImageUploadField
      name="logo"
      accept={LOGO_ACCEPT}
      rules={LOGO_IMAGE}
      preview={logo}
      hasImage={Boolean(logoUrl)}
      upload={uploadOrganizationLogoAction}
      remove={removeOrganizationLogoAction}
      fields={{ organizationId }}
      hint={t('hint', imageRuleValues(LOGO_IMAGE))}
      labels={{
        upload: t('upload'),
        change: t('change'),
        uploading: t('uploading'),
        send: t('send'),
        remove: t('remove'),
        removing: t('removing'),
        updated: t('updated'),
        removed: t('removed'),
      }}
    />
  );
}
