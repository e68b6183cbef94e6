import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../errors';
import { FORM_ERROR_KEY } from '../validation-keys';
import { FormError } from './action-form';

function refusal(message: string, fieldErrors?: Record<string, string[]>): ActionResult<never> {
  return { ok: false, error: { code: 'VALIDATION_FAILED', status: 400, message, fieldErrors, requestId: 'req_1' } };
}

function render(result: ActionResult<unknown> | null, fields?: string[]) {
  const state = { form: {}, result, formAction: () => undefined, onSubmit: async () => undefined };
  return renderToStaticMarkup(<FormError state={state} fields={fields} />);
}

describe('FormError', () => {
  it('shows nothing before a submission or after a success', () => {
    expect(render(null)).toBe('');
    expect(render({ ok: true, data: 1 })).toBe('');
  });

  it('shows the message and the form-wide messages, with the error code', () => {
    const html = render(refusal('Some fields need your attention.', { email: ['Enter an email.'], [FORM_ERROR_KEY]: ['Too many tries.'] }));
    expect(html).toContain('data-error-code="VALIDATION_FAILED"');
    expect(html).toContain('<p>Some fields need your attention.</p><p>Too many tries.</p>');
    expect(html).not.toContain('Enter an email.');
  });

  it('with `fields`, leaves a refusal about one of them to the field', () => {
    expect(render(refusal('Wrong password.', { password: ['Wrong password.'] }), ['email', 'password'])).toBe('');
  });

  it('with `fields`, still shows a refusal about no field or about another one', () => {
    expect(render(refusal('Wait a minute.'), ['password'])).toContain('<p>Wait a minute.</p>');
    expect(render(refusal('The link expired.', { token: ['The link expired.'] }), ['password'])).toContain('<p>The link expired.</p>');
  });
});
