'use client';

import { CircleAlert } from 'lucide-react';
import { Slot as SlotPrimitive } from 'radix-ui';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useState,
  type ComponentProps,
  type ReactElement,
  type ReactNode,
} from 'react';
import {
  Controller,
  FormProvider,
  useFormContext,
  useFormState,
  type Control,
  type ControllerProps,
  type FieldPath,
  type FieldValues,
} from 'react-hook-form';
import { cn } from './cn';
import { Input, type InputProps } from './input';
import { Label } from './label';

/*
 * Field primitives over react-hook-form. They know nothing of the server:
 * CSRF, actions and server-side errors are added by the platform's wrapper.
 *
 *   <Form {...form}>
 *     <form onSubmit={form.handleSubmit(save)}>
 *       <FormField control={form.control} name="email" render={({ field }) => (
 *         <FormItem>
 *           <FormLabel>{t('email')}</FormLabel>
 *           <FormControl><Input type="email" {...field} /></FormControl>
 *           <FormDescription>{t('emailHint')}</FormDescription>
 *           <FormMessage />
 *         </FormItem>
 *       )} />
 *
 * A text field is all of that in one line (see TextField below):
 *
 *       <TextField control={form.control} name="email" label={t('email')} description={t('emailHint')} type="email" />
 */

/** Provides the react-hook-form instance (the result of `useForm`) to the fields below. */
export const Form = FormProvider;

const FieldNameContext = createContext<string | null>(null);

type FieldPart = 'label' | 'description' | 'message';
type FieldParts = Record<FieldPart, boolean>;

interface ItemContextValue {
  id: string;
  /** Which parts are on screen, so aria attributes never point at missing ids. */
  parts: FieldParts;
  setPart: (part: FieldPart, present: boolean) => void;
}
const ItemContext = createContext<ItemContextValue | null>(null);

/** One form field, connected to react-hook-form through its Controller. */
export function FormField<
  TFieldValues extends FieldValues = FieldValues,
  TName extends FieldPath<TFieldValues> = FieldPath<TFieldValues>,
  TTransformedValues = TFieldValues,
>(props: ControllerProps<TFieldValues, TName, TTransformedValues>) {
  return (
    <FieldNameContext.Provider value={props.name}>
      <Controller {...props} />
    </FieldNameContext.Provider>
  );
}

/** The ids and state of the enclosing FormField and FormItem, for building custom field parts. */
export function useFormField() {
  const name = useContext(FieldNameContext);
  const item = useContext(ItemContext);
  const { getFieldState } = useFormContext();
  const formState = useFormState({ name: name ?? '' });
  if (!name || !item) throw new Error('useFormField must be used inside <FormField> and <FormItem>.');
  const fieldState = getFieldState(name, formState);
  return {
    name,
    id: item.id,
    controlId: `${item.id}-control`,
    labelId: `${item.id}-label`,
    descriptionId: `${item.id}-description`,
    messageId: `${item.id}-message`,
    parts: item.parts,
    ...fieldState,
  };
}

function useRegisterPart(part: FieldPart, present: boolean) {
  const setPart = useContext(ItemContext)?.setPart;
  useEffect(() => {
    if (!setPart || !present) return;
    setPart(part, true);
    return () => setPart(part, false);
  }, [setPart, part, present]);
}

/** Groups a field's label, control, description and message, and gives them linked ids. */
export function FormItem({ className, ...props }: ComponentProps<'div'>) {
  const id = useId();
  const [parts, setParts] = useState<FieldParts>({ label: false, description: false, message: false });
  const setPart = useCallback(
    (part: FieldPart, present: boolean) =>
      setParts((current) => (current[part] === present ? current : { ...current, [part]: present })),
    [],
  );
  const item = useMemo(() => ({ id, parts, setPart }), [id, parts, setPart]);
  return (
    <ItemContext.Provider value={item}>
      <div className={cn('grid gap-2', className)} {...props} />
    </ItemContext.Provider>
  );
}

export function FormLabel({ className, ...props }: ComponentProps<typeof Label>) {
  const { controlId, labelId, invalid } = useFormField();
  useRegisterPart('label', true);
  return (
    <Label id={labelId} htmlFor={controlId} data-invalid={invalid || undefined} className={className} {...props} />
  );
}

/**
 * Wraps the single control element and gives it the field's id, aria-invalid,
 * aria-labelledby (so groups such as RadioGroup are named too) and
 * aria-describedby (the description, then the error message when shown).
 */
export function FormControl(props: ComponentProps<typeof SlotPrimitive.Root>) {
  const { controlId, labelId, descriptionId, messageId, parts, invalid } = useFormField();
  const describedBy = [parts.description ? descriptionId : null, parts.message ? messageId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <SlotPrimitive.Root
      id={controlId}
      aria-invalid={invalid || undefined}
      aria-labelledby={parts.label ? labelId : undefined}
      aria-describedby={describedBy || undefined}
      {...props}
    />
  );
}

/** Help text for the field, linked to the control with aria-describedby. */
export function FormDescription({ className, ...props }: ComponentProps<'p'>) {
  const { descriptionId } = useFormField();
  useRegisterPart('description', true);
  return <p id={descriptionId} className={cn('text-sm text-muted-foreground', className)} {...props} />;
}

export interface FormMessageProps extends Omit<ComponentProps<'p'>, 'children'> {
  /** Shown instead of the field's error message (e.g. a translated version of it). */
  children?: ReactNode;
}

/** The field's validation error, announced when it appears. Renders nothing while the field is valid. */
export function FormMessage({ className, children, ...props }: FormMessageProps) {
  const { messageId, error } = useFormField();
  const content = error ? (children ?? error.message) : null;
  useRegisterPart('message', Boolean(content));
  if (!content) return null;
  return (
    <p
      id={messageId}
      role="alert"
      className={cn('flex items-start gap-1.5 text-sm font-medium text-destructive dark:text-foreground', className)}
      {...props}
    >
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-destructive" />
      <span>{content}</span>
    </p>
  );
}

/** What TextField passes on to its control: the props given to TextField plus the field's name, value and handlers. */
export type TextFieldInputProps = InputProps;

/** The input props a TextField passes on (the field itself sets the name, value and handlers). */
type PassedInputProps = Omit<
  InputProps,
  'name' | 'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'ref' | 'children'
>;

export interface TextFieldProps<
  TFieldValues extends FieldValues,
  TName extends FieldPath<TFieldValues>,
  TTransformedValues,
> extends PassedInputProps {
  /** The react-hook-form control (`form.control`, or `state.form.control` with useActionForm). */
  control: Control<TFieldValues, unknown, TTransformedValues>;
  name: TName;
  label: ReactNode;
  /** Help text under the control, linked to it with aria-describedby. */
  description?: ReactNode;
  /**
   * Renders the control when a plain `Input` will not do. It receives every
   * input prop (type, autoComplete, className…) and the field's; spread them
   * onto the element, which must pass them on to its `<input>`:
   *
   *   input={(props) => <PasswordInput toggleLabel={t('show')} {...props} />}
   */
  input?: (props: TextFieldInputProps) => ReactElement;
}

const plainInput = (props: TextFieldInputProps) => <Input {...props} />;

/**
 * A labelled text field in one element: FormField + FormItem with the label,
 * the control (an `Input`, or what `input` renders), the description when
 * given and the error message. The other props go to the control:
 *
 *   <TextField control={form.control} name="email" label={t('email')} description={t('emailHint')} type="email" />
 *
 * is the FormField block of the example at the top of this file. A field
 * missing from the default values (an optional one) shows as empty rather
 * than uncontrolled. For anything else (a textarea, a link beside the label,
 * a checkbox, a select), write the FormField out.
 */
export function TextField<
  TFieldValues extends FieldValues,
  TName extends FieldPath<TFieldValues>,
  TTransformedValues = TFieldValues,
>({
  control,
  name,
  label,
  description,
  input = plainInput,
  ...inputProps
}: TextFieldProps<TFieldValues, TName, TTransformedValues>) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>{input({ ...inputProps, ...field, value: field.value ?? '' })}</FormControl>
          {description ? <FormDescription>{description}</FormDescription> : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
