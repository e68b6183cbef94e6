import { act, useEffect } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import type { UseFormReturn } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FormControl, FormField, FormItem, FormLabel, TextField } from '@/ui/form';
import { messagesFor } from '@/platform/i18n/messages';
import type { ActionResult } from '../errors';
import { ActionForm, useActionForm } from './action-form';
import { CsrfTokenProvider } from './csrf-token-provider';

/*
 * The page as the browser has it before JavaScript loads (the server's HTML), typed into, then hydrated by
 * React: what was typed must stay in the fields and reach the form's values, on every ActionForm.
 */

const schema = z.object({ email: z.string(), name: z.string(), about: z.string(), plan: z.string() });
type Values = z.input<typeof schema>;

let formState: UseFormReturn<Values> | null = null;

async function acceptAll(): Promise<ActionResult<null>> {
  return { ok: true, data: null };
}

function ProfileForm() {
  const state = useActionForm({
    schema,
    action: acceptAll,
    defaultValues: { email: '', name: 'Ada', about: '', plan: 'free' },
  });
  const form = state.form as unknown as UseFormReturn<Values>;
  useEffect(() => {
    formState = form;
  });
  return (
    <ActionForm state={state}>
      <TextField control={state.form.control} name="email" label="Email" type="email" />
      <TextField control={state.form.control} name="name" label="Name" />
      <FormField
        control={state.form.control}
        name="about"
        render={({ field }) => (
          <FormItem>
            <FormLabel>About</FormLabel>
            <FormControl>
              <textarea {...field} />
            </FormControl>
          </FormItem>
        )}
      />
      <FormField
        control={state.form.control}
        name="plan"
        render={({ field }) => (
          <FormItem>
            <FormLabel>Plan</FormLabel>
            <FormControl>
              <select {...field}>
                <option value="free">Free</option>
                <option value="pro">Pro</option>
              </select>
            </FormControl>
          </FormItem>
        )}
      />
      {/* Not a field of the form: left alone. */}
      <input name="unmanaged" defaultValue="" aria-label="Unmanaged" />
    </ActionForm>
  );
}

const page = () => (
  <NextIntlClientProvider locale="en" messages={messagesFor('en')} timeZone="UTC">
    <CsrfTokenProvider token="test-csrf-token">
      <ProfileForm />
    </CsrfTokenProvider>
  </NextIntlClientProvider>
);

// Tells React that this test drives rendering through act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  formState = null;
  document.body.innerHTML = '';
});

function field(container: HTMLElement, name: string) {
  return container.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name="${name}"]`)!;
}

/** Server HTML in the document, `typed` into its fields as a person (or a password manager) would, then hydrated. */
async function typeThenHydrate(typed: Record<string, string>) {
  const container = document.createElement('div');
  document.body.append(container);
  container.innerHTML = renderToString(page());
  formState = null;
  for (const [name, value] of Object.entries(typed)) field(container, name).value = value;
  await act(async () => {
    root = hydrateRoot(container, page());
  });
  // The renders that follow hydration (each field registering its label and parts) are where a lost value is
  // written over what was typed: let them all happen.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
  return container;
}

describe('ActionForm, hydrating a form typed into before JavaScript loaded', () => {
  it('keeps what was typed in the fields and hands it to the form', async () => {
    const container = await typeThenHydrate({
      email: 'quick@example.com',
      name: 'Grace',
      about: 'Typed early',
      plan: 'pro',
    });
    expect(field(container, 'email').value).toBe('quick@example.com');
    // A field with a default value the server rendered, typed over.
    expect(field(container, 'name').value).toBe('Grace');
    expect(field(container, 'about').value).toBe('Typed early');
    expect(field(container, 'plan').value).toBe('pro');
    expect(formState?.getValues()).toEqual({
      email: 'quick@example.com',
      name: 'Grace',
      about: 'Typed early',
      plan: 'pro',
    });
    for (const name of ['email', 'name', 'about', 'plan'] as const)
      expect(formState?.getFieldState(name).isDirty).toBe(true);
  });

  it('changes nothing when nothing was typed, and leaves inputs that are not its fields alone', async () => {
    const container = await typeThenHydrate({ unmanaged: 'kept by the page' });
    expect(formState?.getValues()).toEqual({ email: '', name: 'Ada', about: '', plan: 'free' });
    for (const name of ['email', 'name', 'about', 'plan'] as const)
      expect(formState?.getFieldState(name).isDirty).toBe(false);
    expect(field(container, 'unmanaged').value).toBe('kept by the page');
  });
});
