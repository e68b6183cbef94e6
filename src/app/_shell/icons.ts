import {
  Building2,
  CreditCard,
  History,
  Home,
  LayoutDashboard,
  ListTodo,
  Mail,
  Settings,
  User,
  Users,
  type LucideIcon,
} from 'lucide-react';
import type { NavigationIcon } from '@/platform/config/constants';

/** The icons navigation entries may name in the configuration. Add one here to use it in a menu. */
export const navigationIcons: Record<NavigationIcon, LucideIcon> = {
  dashboard: LayoutDashboard,
  tasks: ListTodo,
  members: Users,
  billing: CreditCard,
  settings: Settings,
  profile: User,
  home: Home,
  contact: Mail,
  organization: Building2,
  audit: History,
};
