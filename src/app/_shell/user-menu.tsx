import { Settings } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignOutMenuItem } from '@/features/auth/components/sign-out-menu-item';
import type { SignedInUser } from '@/features/auth/server';
import { Avatar } from '@/ui/avatar';
import { Button } from '@/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/ui/dropdown-menu';

/** The account menu of the top bar: who is signed in, their settings, and signing out. */
export async function UserMenu({ user }: { user: Pick<SignedInUser, 'name' | 'email' | 'image'> }) {
  const t = await getTranslations('app.topbar');
  const displayName = user.name || user.email;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={t('userMenu')} className="rounded-full" data-testid="user-menu">
          <Avatar name={displayName} src={user.image} size="sm" decorative />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="flex items-center gap-3 py-2 font-normal">
          <Avatar name={displayName} src={user.image} size="md" decorative />
          <span className="grid min-w-0">
            <span className="sr-only">{t('signedInAs')}</span>
            {user.name ? <span className="truncate text-sm font-medium text-foreground">{user.name}</span> : null}
            <span className="truncate text-xs text-muted-foreground">{user.email}</span>
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings/profile">
            <Settings aria-hidden />
            {t('settings')}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <SignOutMenuItem label={t('signOut')} />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
