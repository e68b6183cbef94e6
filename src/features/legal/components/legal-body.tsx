import { MDXContent } from '@content-collections/mdx/react';
import { appConfig } from '@/platform/config/app-config';
import '@/ui/prose.css';

/** The values a legal template names, from the configuration (NEXT_PUBLIC_SITE_NAME, NEXT_PUBLIC_LEGAL_*). */
const templateValues = {
  SiteName: () => <>{appConfig.site.name}</>,
  SiteUrl: () => <a href={appConfig.site.url}>{appConfig.site.url.replace(/^https?:\/\//, '')}</a>,
  Company: () => <>{appConfig.legal.company}</>,
  ContactEmail: () => <a href={`mailto:${appConfig.legal.email}`}>{appConfig.legal.email}</a>,
};

/** A legal page's compiled MDX with the site's name, company and contact address filled in. */
export function LegalBody({ mdx }: { mdx: string }) {
  return (
    <div className="prose">
      <MDXContent code={mdx} components={templateValues} />
    </div>
  );
}
