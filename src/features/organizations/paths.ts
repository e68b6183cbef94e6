export { dashboardPath } from '@/platform/navigation/dashboard-path';

export const ORGANIZATION_PAGES = {
  home: '',
  members: 'members',
  settings: 'settings',
} as const;
