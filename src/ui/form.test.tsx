import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useForm, type Control, type FieldErrors } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { Form, TextField, type TextFieldInputProps } from './form';

interface Values {
  email: string;
  password?: string;
}

/** A form with one field. */
function renderField(field: (control: Control<Values>) => React.ReactNode, errors?: FieldErrors<Values>) {
  function Harness() {
    const form = useForm<Values>({ defaultValues: { email: 'ada@example.com' }, errors });
    return (
      <Form {...form}>
        <form>{field(form.control)}</form>
      </Form>
    );
  }
  return render(<Harness />);
}

describe('TextField', () => {
  it('labels an Input that carries the field’s name and value and the input props', async () => {
    renderField((control) => (
      <TextField
        control={control}
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        inputMode="email"
        className="w-40"
      />
    ));
    const input = screen.getByLabelText<HTMLInputElement>('Email');
    expect(input.id).toMatch(/-control$/);
    expect(input.name).toBe('email');
    expect(input.value).toBe('ada@example.com');
    expect(input.type).toBe('email');
    expect(input.getAttribute('autocomplete')).toBe('username');
    expect(input.getAttribute('inputmode')).toBe('email');
    expect(input.classList).toContain('w-40');
    expect(screen.queryByRole('alert')).toBeNull();

    // It is react-hook-form's field: typing changes it.
    await userEvent.setup().clear(input);
    await userEvent.setup().type(input, 'grace@example.com');
    expect(input.value).toBe('grace@example.com');
  });

  it('shows the description and the error, tied to the input, and an empty value for a field missing from the defaults', () => {
    renderField(
      (control) => (
        <TextField
          control={control}
          name="password"
          label="Password"
          description="At least 12 characters."
          type="password"
        />
      ),
      { password: { type: 'server', message: 'Wrong password.' } },
    );
    const input = screen.getByLabelText<HTMLInputElement>('Password');
    expect(input.name).toBe('password');
    expect(input.value).toBe('');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['At least 12 characters.', 'Wrong password.']);
    expect(screen.getByRole('alert').textContent).toBe('Wrong password.');
  });

  it('renders the control that `input` returns, with the field’s props and id', () => {
    const Custom = (props: TextFieldInputProps) => (
      <span data-testid="custom">
        <input {...props} />
      </span>
    );
    renderField((control) => (
      <TextField
        control={control}
        name="email"
        label="Email"
        autoComplete="email"
        input={(props) => <Custom {...props} />}
      />
    ));
    const input = screen.getByLabelText<HTMLInputElement>('Email');
    expect(input.parentElement).toBe(screen.getByTestId('custom'));
    expect(input.name).toBe('email');
    expect(input.value).toBe('ada@example.com');
    expect(input.getAttribute('autocomplete')).toBe('email');
  });
});
