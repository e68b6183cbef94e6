import { RouteCrumbs } from '../../../route-crumbs';

export default async function OrganizationPageCrumbs({ params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  return <RouteCrumbs route={`/dashboard/:organization/${path.join('/')}`} />;
}
