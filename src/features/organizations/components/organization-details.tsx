import { useTranslations } from 'next-intl';

/** The organization's name and address, for members whose role may not change them. */
export function OrganizationDetails({ name, url }: { name: string; url: string }) {
  const t = useTranslations('organizations.settings.general');
  return (
    <dl className="grid gap-4 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-8 sm:gap-y-3">
      <div className="grid gap-1 sm:contents">
        <dt className="font-medium">{t('name')}</dt>
        <dd className="[overflow-wrap:anywhere] text-muted-foreground">{name}</dd>
      </div>
      <div className="grid gap-1 sm:contents">
        <dt className="font-medium">{t('slug')}</dt>
        <dd className="font-mono [overflow-wrap:anywhere] text-muted-foreground">{url}</dd>
      </div>
    </dl>
  );
}
