import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../errors';
import { FORM_ERROR_KEY } from '../validation-keys';
import { FormError } from './action-form';

function refusal(message: string, fieldErrors?: Record<string, string[]>): ActionResult<never> {
  return { ok: false, error: { code: 'VALIDATION_FAILED', status: 400, message, fieldErrors, requestId: 'req_1' } };
}

function renderError(result: ActionResult<unknown> | null, fields?: string[]) {
  const state = { form: {}, result, formAction: () => undefined, onSubmit: async () => undefined };
  return render(<FormError state={state} fields={fields} />);
}

/** The paragraphs of the alert, or null when none is shown. */
function shown() {
  const alert = screen.queryByRole('alert');
  return alert ? Array.from(alert.querySelectorAll('p'), (p) => p.textContent) : null;
}

describe('FormError', () => {
  it('shows nothing before a submission or after a success', () => {
    expect(renderError(null).container.innerHTML).toBe('');
    expect(renderError({ ok: true, data: 1 }).container.innerHTML).toBe('');
  });

  it('shows the message and the form-wide messages, with the error code', () => {
    renderError(
      refusal('Some fields need your attention.', {
        email: ['Enter an email.'],
        [FORM_ERROR_KEY]: ['Too many tries.'],
      }),
    );
    expect(shown()).toEqual(['Some fields need your attention.', 'Too many tries.']);
    expect(screen.getByRole('alert').closest('[data-error-code]')?.getAttribute('data-error-code')).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('with `fields`, leaves a refusal about one of them to the field', () => {
    renderError(refusal('Wrong password.', { password: ['Wrong password.'] }), ['email', 'password']);
    expect(shown()).toBeNull();
  });

  it('with `fields`, still shows a refusal about no field or about another one', () => {
    const { unmount } = renderError(refusal('Wait a minute.'), ['password']);
    expect(shown()).toEqual(['Wait a minute.']);
    unmount();
    renderError(refusal('The link expired.', { token: ['The link expired.'] }), ['password']);
    expect(shown()).toEqual(['The link expired.']);
  });
});
