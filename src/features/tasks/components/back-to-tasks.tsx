'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCurrentOrganizationSlug } from '@/features/organizations';
import { Button } from '@/ui/button';
import { tasksPath } from '../paths';

/** "Back to Tasks", for pages that get no params (a not-found page): the organization is read from the URL. */
export function BackToTasks() {
  const t = useTranslations('tasks.notFound');
  const slug = useCurrentOrganizationSlug();
  return (
    <Button asChild>
      <Link href={slug ? tasksPath(slug) : '/dashboard'}>{t('back')}</Link>
    </Button>
  );
}
