import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionResult } from '@/platform/http/errors';
import { renderInApp } from '../../../../tests/support/components';
import { OrganizationLogoForm } from './organization-logo-form';

/*
 * The upload field (src/platform/images/image-upload-field.tsx) through the
 * logo form. The actions are replaced at the module boundary; what they do
 * with the bytes is tested on PostgreSQL (tests/integration/organizations/logo.test.ts)
 * and with hostile files in Chromium (tests/security/uploads-and-bodies.spec.ts).
 */
const actions = vi.hoisted(() => {
  let settle: (result: ActionResult<unknown>) => void = () => undefined;
  return {
    sent: [] as FormData[],
    upload: async (_previous: unknown, form: FormData) => {
      actions.sent.push(form);
      return new Promise<ActionResult<unknown>>((resolve) => (settle = resolve));
    },
    settle: (result: ActionResult<unknown>) => settle(result),
  };
});
vi.mock('@/features/organizations/server/logo-actions', () => ({
  uploadOrganizationLogoAction: actions.upload,
  removeOrganizationLogoAction: vi.fn(),
}));

const ORGANIZATION_ID = '5a0c8a5e-8f0e-4c55-9a53-8c1a5f1d2b3c';

function renderLogoForm(locale: 'en' | 'es' = 'en') {
  return renderInApp(
    <OrganizationLogoForm organizationId={ORGANIZATION_ID} organizationName="Acme" logoUrl={null} canEdit />,
    { locale },
  );
}

const png = (bytes: number) => new File([new Uint8Array(bytes)], 'logo.png', { type: 'image/png' });

/**
 * Chooses a file as the file picker does. (user-event's `upload` and
 * fireEvent define `files` on the element, which happy-dom's FormData does not
 * read; a FileList assigned the browser's way is.)
 */
function choose(input: HTMLInputElement, file: File) {
  const picked = new DataTransfer();
  picked.items.add(file);
  input.files = picked.files;
  fireEvent.change(input);
}

beforeEach(() => {
  actions.sent.length = 0;
});

describe('the image upload field (organization logo)', () => {
  it('refuses a file over the size limit in the browser, in the user’s language, without sending it', async () => {
    renderLogoForm('es');
    const input = screen.getByLabelText<HTMLInputElement>('Subir un logotipo', { selector: 'input' });
    choose(input, png(5 * 1024 * 1024 + 1));
    expect(screen.getByRole('alert').textContent).toMatch(/5 MB/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(screen.getByRole('alert').id);
    expect(actions.sent).toHaveLength(0);
  });

  it('uploads a chosen file at once, busy meanwhile, then refreshes the page', async () => {
    const { router } = renderLogoForm();
    const input = screen.getByLabelText<HTMLInputElement>('Upload a logo', { selector: 'input' });
    choose(input, png(1000));
    await waitFor(() => expect(actions.sent).toHaveLength(1));
    expect(actions.sent[0]!.get('organizationId')).toBe(ORGANIZATION_ID);
    expect((actions.sent[0]!.get('logo') as File).size).toBe(1000);
    expect(actions.sent[0]!.get('csrf_token')).toBe('test-csrf-token');
    expect(screen.getByText('Uploading…')).toBeDefined();
    expect(input.disabled).toBe(true);

    actions.settle({ ok: true, data: { logoUrl: '/api/organization-logos/a.webp' } });
    await waitFor(() => expect(router.refreshes).toBe(1));
    expect(input.disabled).toBe(false);
  });

  it('shows the server’s refusal of the file under the field', async () => {
    renderLogoForm();
    choose(screen.getByLabelText('Upload a logo', { selector: 'input' }), png(1000));
    await waitFor(() => expect(actions.sent).toHaveLength(1));
    actions.settle({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        status: 400,
        message: 'Check the file.',
        fieldErrors: { logo: ['This file is not an image we can read.'] },
        requestId: 'r',
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe('This file is not an image we can read.');
  });
});
