'use client';

import { useTranslations } from 'next-intl';
import { ImageUploadField } from '@/platform/images/image-upload-field';
import { Avatar } from '@/ui/avatar';
import { AVATAR_ACCEPT, AVATAR_IMAGE } from '../../avatar-rules';
import { clearAvatar, uploadAvatar } from '../../server/profile-actions';

/** The profile picture and the field that changes it (src/platform/images/image-upload-field.tsx). */
export function AvatarForm({ name, image }: { name: string; image: string | null }) {
  const t = useTranslations('settings.profile.avatar');
  return (
    <ImageUploadField
      name="avatar"
      accept={AVATAR_ACCEPT}
      rules={AVATAR_IMAGE}
      preview={<Avatar name={name || '?'} src={image} className="size-20 text-2xl" />}
      hasImage={Boolean(image)}
      upload={uploadAvatar}
      remove={clearAvatar}
      permalink="/settings/profile"
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
