'use client';

import { Check, ChevronsUpDown, Plus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { Button } from '@/ui/button';
import { cn } from '@/ui/cn';
import {
  Command,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandSeparator,
} from '@/ui/command';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/ui/dialog';
import { Popover, PopoverContent, PopoverTrigger } from '@/ui/popover';
import { dashboardPath } from '../paths';
import type { ClientOrganization } from './organization-context';
import { useCurrentOrganizationSlug } from './current-organization';
import { OrganizationLogo } from './organization-logo';
import { useRoleLabel } from './role-label';
import { useShownOrganizationSlug } from './shown-organization';

/*
 * The create form (and the form library and zod it brings) is on every signed-in page's switcher, yet used
 * rarely: it loads when the list opens, before "Create organization" can be chosen (docs/performance.md).
 */
const loadCreateForm = () => import('./create-organization-form');
// `loading` gives it a Suspense boundary of its own: without one, loading it would suspend the whole page.
const CreateOrganizationForm = dynamic(
  () => import('./create-organization-form').then((module) => module.CreateOrganizationForm),
  { loading: () => <div aria-busy="true" className="h-40" /> },
);

/** One of the user's organizations, with their role in it. */
export interface SwitcherOrganization extends ClientOrganization {
  role: string;
}

/**
 * The organization switcher at the top of the sidebar: a searchable list of
 * the user's organizations (arrow keys move, Enter opens, typing filters),
 * the current one checked, and "Create organization", which opens a dialog.
 *
 * The list comes from the app layout; which one is current comes from the URL
 * (see useCurrentOrganizationSlug), and on account pages it is the one the user
 * came from (useShownOrganizationSlug). When the URL names an organization the list
 * does not know yet (just created, just joined, renamed), the layout is asked
 * once to render again.
 */
export function OrganizationSwitcher({ organizations }: { organizations: SwitcherOrganization[] }) {
  const t = useTranslations('organizations.switcher');
  const roleLabel = useRoleLabel();
  const router = useRouter();
  const pathname = usePathname();
  const slug = useCurrentOrganizationSlug();
  const shownSlug = useShownOrganizationSlug();
  const current = shownSlug
    ? organizations.find((organization) => organization.slug.toLowerCase() === shownSlug)
    : undefined;
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const leavingForDialog = useRef(false);

  // Arriving on another page (an organization chosen, one just created) closes the list and the dialog.
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
    setCreating(false);
  }

  const refreshedFor = useRef<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  useEffect(() => {
    if (slug && !current && refreshedFor.current !== slug) {
      refreshedFor.current = slug;
      startRefresh(() => router.refresh());
    }
  }, [slug, current, router]);

  return (
    <>
      <Popover
        open={open}
        onOpenChange={(next) => {
          if (next) void loadCreateForm();
          setOpen(next);
        }}
      >
        <PopoverTrigger asChild>
          <Button
            ref={trigger}
            variant="ghost"
            className="h-auto w-full justify-start gap-3 px-2 py-2 text-left"
            data-testid="organization-switcher"
          >
            {current ? (
              <>
                <OrganizationLogo name={current.name} logoUrl={current.logoUrl} />
                <span className="grid min-w-0 flex-1">
                  <span className="sr-only">{t('current')}</span>
                  <span className="truncate text-sm font-medium">{current.name}</span>
                  <span className="truncate text-xs font-normal text-muted-foreground">{roleLabel(current.role)}</span>
                </span>
              </>
            ) : refreshing ? (
              <span className="flex min-w-0 flex-1 items-center gap-3" aria-busy="true">
                <span aria-hidden className="size-8 animate-pulse rounded-md bg-muted" />
                <span aria-hidden className="h-4 flex-1 animate-pulse rounded bg-muted" />
                <span className="sr-only">{t('loading')}</span>
              </span>
            ) : (
              <span className="min-w-0 flex-1 truncate text-sm font-medium">
                {organizations.length > 0 ? t('choose') : t('none')}
              </span>
            )}
            <ChevronsUpDown aria-hidden className="ml-auto size-4 shrink-0 text-muted-foreground" />
          </Button>
        </PopoverTrigger>
        <PopoverContent
          aria-label={t('title')}
          align="start"
          className="w-72 p-0"
          // Leaving the list for the create dialog: the dialog takes the focus, not the trigger.
          onCloseAutoFocus={(event) => {
            if (leavingForDialog.current) event.preventDefault();
            leavingForDialog.current = false;
          }}
        >
          {/* cmdk names the search field with the Command's label. */}
          <Command label={t('search')} loop>
            <CommandInput placeholder={t('search')} />
            <CommandList>
              <CommandEmpty>{t('empty')}</CommandEmpty>
              {organizations.length > 0 ? (
                <CommandGroup heading={t('heading')}>
                  {organizations.map((organization) => {
                    const isCurrent = organization.id === current?.id;
                    return (
                      <CommandItem
                        key={organization.id}
                        value={`${organization.name} ${organization.slug}`}
                        keywords={[roleLabel(organization.role)]}
                        aria-current={isCurrent ? 'true' : undefined}
                        onSelect={() => {
                          setOpen(false);
                          // From an account page, the organization shown is opened too.
                          if (organization.slug.toLowerCase() !== slug) router.push(dashboardPath(organization.slug));
                        }}
                        data-testid="organization-option"
                      >
                        <OrganizationLogo
                          name={organization.name}
                          logoUrl={organization.logoUrl}
                          className="size-6 text-[0.625rem]"
                        />
                        <span className="grid min-w-0 flex-1">
                          <span className="truncate">{organization.name}</span>
                          <span className="truncate text-xs text-muted-foreground">{roleLabel(organization.role)}</span>
                        </span>
                        <Check aria-hidden className={cn('ml-auto', isCurrent ? 'opacity-100' : 'opacity-0')} />
                        {isCurrent ? <span className="sr-only">{t('currentMarker')}</span> : null}
                      </CommandItem>
                    );
                  })}
                </CommandGroup>
              ) : null}
              <CommandSeparator />
              {/* Always offered, whatever the search. */}
              <CommandGroup forceMount>
                <CommandItem
                  forceMount
                  value={t('create.open')}
                  onSelect={() => {
                    leavingForDialog.current = true;
                    setOpen(false);
                    setCreating(true);
                  }}
                >
                  <Plus aria-hidden />
                  {t('create.open')}
                </CommandItem>
              </CommandGroup>
            </CommandList>
          </Command>
        </PopoverContent>
      </Popover>
      <Dialog open={creating} onOpenChange={setCreating}>
        <DialogContent
          closeLabel={t('create.close')}
          // The list it was opened from is gone: focus returns to the switcher.
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            trigger.current?.focus();
          }}
        >
          <DialogHeader>
            <DialogTitle>{t('create.title')}</DialogTitle>
            <DialogDescription>{t('create.description')}</DialogDescription>
          </DialogHeader>
          <CreateOrganizationForm
            permalink="/onboarding/organization"
            autoFocus
            footer={
              <DialogClose asChild>
                <Button type="button" variant="outline">
                  {t('create.cancel')}
                </Button>
              </DialogClose>
            }
          />
        </DialogContent>
      </Dialog>
    </>
  );
}
