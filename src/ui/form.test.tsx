import { renderToStaticMarkup } from 'react-dom/server';
import { useForm, type Control, type FieldErrors } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { Form, TextField, type TextFieldInputProps } from './form';

interface Values {
  email: string;
  password?: string;
}

/** A form with one field, rendered to HTML as the server renders it. */
function render(field: (control: Control<Values>) => React.ReactNode, errors?: FieldErrors<Values>) {
  function Harness() {
    const form = useForm<Values>({ defaultValues: { email: 'ada@example.com' }, errors });
    return <Form {...form}>{field(form.control)}</Form>;
  }
  return renderToStaticMarkup(<Harness />);
}

/** The attributes of each `<tag …>` in the HTML (React's markup: double-quoted values; names in lower case). */
function tags(html: string, tag: string) {
  return [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>`, 'g'))].map((match) =>
    Object.fromEntries([...(match[1] ?? '').matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!.toLowerCase(), value ?? ''])),
  );
}

/** The text of each `<tag>` element. */
function texts(html: string, tag: string) {
  return [...html.matchAll(new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'g'))].map((match) => match[0].replace(/<[^>]+>/g, ''));
}

describe('TextField', () => {
  it('labels an Input that carries the field’s name and value and the input props', () => {
    const html = render((control) => (
      <TextField control={control} name="email" label="Email" type="email" autoComplete="username" inputMode="email" className="w-40" />
    ));
    const [input] = tags(html, 'input');
    const [label] = tags(html, 'label');
    expect(texts(html, 'label')).toEqual(['Email']);
    expect(input!.id).toMatch(/-control$/);
    expect(label!.for).toBe(input!.id);
    expect(input).toMatchObject({ name: 'email', value: 'ada@example.com', type: 'email', autocomplete: 'username', inputmode: 'email' });
    expect(input!.class!.split(' ')).toContain('w-40');
    expect(texts(html, 'p')).toEqual([]);
  });

  it('shows the description and the error, and an empty value for a field missing from the defaults', () => {
    const html = render(
      (control) => <TextField control={control} name="password" label="Password" description="At least 12 characters." type="password" />,
      { password: { type: 'server', message: 'Wrong password.' } },
    );
    const [input] = tags(html, 'input');
    expect(input).toMatchObject({ name: 'password', value: '', type: 'password', 'aria-invalid': 'true' });
    expect(texts(html, 'p')).toEqual(['At least 12 characters.', 'Wrong password.']);
    const [description, message] = tags(html, 'p');
    expect(description!.id).toBe(input!.id!.replace(/-control$/, '-description'));
    expect(message).toMatchObject({ id: input!.id!.replace(/-control$/, '-message'), role: 'alert' });
  });

  it('renders the control that `input` returns, with the field’s props and id', () => {
    const Custom = (props: TextFieldInputProps) => (
      <span data-custom="">
        <input {...props} />
      </span>
    );
    const html = render((control) => (
      <TextField control={control} name="email" label="Email" autoComplete="email" input={(props) => <Custom {...props} />} />
    ));
    expect(html).toContain('<span data-custom=""><input');
    const [input] = tags(html, 'input');
    expect(input).toMatchObject({ name: 'email', value: 'ada@example.com', autocomplete: 'email' });
    expect(tags(html, 'label')[0]!.for).toBe(input!.id);
  });
});
