import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderInApp } from '../../../../tests/support/components';
import { OrganizationSwitcher, type SwitcherOrganization } from './organization-switcher';
import { LastOrganizationProvider } from './shown-organization';

const organizations: SwitcherOrganization[] = [
  { id: 'o1', name: 'Acme', slug: 'acme', logoUrl: null, role: 'owner' },
  { id: 'o2', name: 'Globex', slug: 'globex', logoUrl: null, role: 'member' },
  { id: 'o3', name: 'Initech', slug: 'initech', logoUrl: null, role: 'admin' },
];

function renderSwitcher(url: string, locale: 'en' | 'es' = 'en') {
  return renderInApp(<OrganizationSwitcher organizations={organizations} />, {
    url,
    route: '/dashboard/[organization]',
    locale,
  });
}

const switcher = () => screen.getByTestId('organization-switcher');

describe('OrganizationSwitcher', () => {
  // The create form loads on demand; compiling it here (zod included) takes seconds on a busy machine.
  beforeAll(async () => {
    await import('./create-organization-form');
  }, 60_000);

  it('names the organization in the URL and the user’s role in it', () => {
    renderSwitcher('/dashboard/globex');
    // (The logo's initial comes first.)
    expect(switcher().textContent).toBe('GCurrent organization:GlobexMember');
  });

  it('opens a searchable list; typing filters it, Enter opens the organization', async () => {
    const { user, router } = renderSwitcher('/dashboard/acme');
    await user.click(switcher());
    const list = screen.getByRole('dialog', { name: 'Organizations' });
    const options = () =>
      within(list)
        .getAllByRole('option')
        .map((option) => option.textContent);
    // Each: the logo's initial, the name, the role.
    expect(options()).toEqual(['AAcmeOwner(current)', 'GGlobexMember', 'IInitechAdmin', 'Create organization']);
    expect(within(list).getByRole('option', { name: /Acme/ }).getAttribute('aria-current')).toBe('true');

    await user.type(within(list).getByRole('combobox', { name: 'Search organizations' }), 'glo');
    expect(options()).toEqual(['GGlobexMember', 'Create organization']);
    await user.keyboard('{Enter}');
    expect(router.url).toBe('/dashboard/globex');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Organizations' })).toBeNull());
    expect(switcher().textContent).toContain('Globex');
  });

  it('finds an organization by the user’s role in it, and says when none matches', async () => {
    const { user } = renderSwitcher('/dashboard/acme');
    await user.click(switcher());
    const search = screen.getByRole('combobox', { name: 'Search organizations' });
    await user.type(search, 'admin');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'IInitechAdmin',
      'Create organization',
    ]);
    await user.clear(search);
    await user.type(search, 'zzz');
    expect(screen.getByText('No organization matches.')).toBeDefined();
  });

  it('choosing the current organization only closes the list', async () => {
    const { user, router } = renderSwitcher('/dashboard/acme');
    await user.click(switcher());
    await user.click(screen.getByRole('option', { name: /Acme/ }));
    expect(router.history).toEqual(['/dashboard/acme']);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Organizations' })).toBeNull());
  });

  it('opens the create dialog from the list, in the user’s language', async () => {
    const { user } = renderSwitcher('/dashboard/acme', 'es');
    await user.click(switcher());
    await user.click(screen.getByRole('option', { name: 'Crear organización' }));
    const dialog = await screen.findByRole('dialog', { name: 'Crear una organización' });
    // The form's code loads when the list opens (docs/performance.md): it may arrive a moment after the dialog.
    expect(await within(dialog).findByRole('textbox', { name: 'Nombre' }, { timeout: 10_000 })).toBeDefined();
  });

  it('on an account page, shows the organization the user came from and opens it', async () => {
    const slugs = organizations.map((organization) => organization.slug);
    const { user, router } = renderInApp(
      <LastOrganizationProvider rememberedSlug="globex" slugs={slugs}>
        <OrganizationSwitcher organizations={organizations} />
      </LastOrganizationProvider>,
      { url: '/settings/profile', route: '/settings/profile' },
    );
    expect(switcher().textContent).toBe('GCurrent organization:GlobexMember');
    await user.click(switcher());
    await user.click(screen.getByRole('option', { name: /Globex/ }));
    expect(router.url).toBe('/dashboard/globex');
  });
});
