import { RouteCrumbs } from '../../route-crumbs';

export default async function SettingsPageCrumbs({ params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  return <RouteCrumbs route={`/settings/${path.join('/')}`} />;
}
