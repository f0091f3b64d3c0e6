/**
 * The shared fields of every Conform form: a label, an optional hint, the German error next to the field, and
 * aria-invalid / aria-describedby wired to both (Conform's ids: `<form>-field-<name>`, `…-description-…`,
 * `…-error-…`). The values shown after a refused submission are the user's own (Conform's initialValue from the
 * action's reply), so nothing typed is lost. They must sit inside a <ConformForm> (its FormProvider).
 */
import { useField, useFormMetadata, type FieldMetadata } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/** The first message of a field (or of its items, e.g. one checkbox of a group). */
export function firstError(field: Pick<FieldMetadata<unknown>, "errors" | "allErrors">): string | undefined {
  return field.errors?.[0] ?? Object.values(field.allErrors ?? {}).flat()[0];
}

function describedBy(field: FieldMetadata<unknown>, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? field.descriptionId : null, error ? field.errorId : null].filter(Boolean).join(" ") || undefined;
}

function initial(field: FieldMetadata<unknown>, fallback: string | undefined): string | undefined {
  const v = field.initialValue;
  return typeof v === "string" ? v : fallback;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return children ? (
    <p className="field-hint" id={id}>
      {children}
    </p>
  ) : null;
}

export function ErrorText({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="field-error" id={id}>
      {message}
    </p>
  ) : null;
}

interface Common {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The value before the user typed anything (the page's data). */
  defaultValue?: string;
}

export function TextInput({
  name,
  label,
  hint,
  defaultValue,
  ...rest
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "defaultValue">) {
  const [field] = useField<string>(name);
  const error = firstError(field);
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint id={field.descriptionId}>{hint}</Hint>
      <input
        {...rest}
        key={field.key}
        id={field.id}
        name={field.name}
        defaultValue={initial(field, defaultValue)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(field, hint, error)}
      />
      <ErrorText id={field.errorId} message={error} />
    </div>
  );
}

export function TextArea({
  name,
  label,
  hint,
  defaultValue,
  ...rest
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "defaultValue">) {
  const [field] = useField<string>(name);
  const error = firstError(field);
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint id={field.descriptionId}>{hint}</Hint>
      <textarea
        rows={3}
        {...rest}
        key={field.key}
        id={field.id}
        name={field.name}
        defaultValue={initial(field, defaultValue)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(field, hint, error)}
      />
      <ErrorText id={field.errorId} message={error} />
    </div>
  );
}

export function Select({
  name,
  label,
  hint,
  defaultValue,
  children,
  ...rest
}: Common & { children: ReactNode } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    "name" | "id" | "defaultValue" | "children"
  >) {
  const [field] = useField<string>(name);
  const error = firstError(field);
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint id={field.descriptionId}>{hint}</Hint>
      <select
        {...rest}
        key={field.key}
        id={field.id}
        name={field.name}
        defaultValue={initial(field, defaultValue)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(field, hint, error)}
      >
        {children}
      </select>
      <ErrorText id={field.errorId} message={error} />
    </div>
  );
}

/** A group of checkboxes, announced as one question (fieldset, legend) with its hint and error. */
export function CheckboxGroup({
  name,
  legend,
  hint,
  options,
  checked,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: ReadonlyArray<{ id: string; name: string }>;
  /** Checked before the user changed anything. */
  checked: readonly string[];
}) {
  const [field] = useField<string[]>(name);
  const error = firstError(field);
  const submitted = field.initialValue;
  const isChecked = (id: string) =>
    submitted === undefined
      ? checked.includes(id)
      : Array.isArray(submitted)
        ? submitted.includes(id)
        : submitted === id;
  return (
    <fieldset className="field" id={field.id} tabIndex={-1} aria-describedby={describedBy(field, hint, error)}>
      <legend>{legend}</legend>
      <Hint id={field.descriptionId}>{hint}</Hint>
      {options.map((o) => (
        <div key={o.id} className="checkbox">
          {/* The box inside its label keeps both on one line with the shared block-label style. */}
          <label htmlFor={`${field.id}-${o.id}`}>
            <input
              type="checkbox"
              id={`${field.id}-${o.id}`}
              name={field.name}
              value={o.id}
              defaultChecked={isChecked(o.id)}
            />{" "}
            {o.name}
          </label>
        </div>
      ))}
      <ErrorText id={field.errorId} message={error} />
    </fieldset>
  );
}

/**
 * One checkbox (posted as "on" when ticked) with its hint and error; after a refused submission it keeps the
 * user's choice. `checked` is the page's value before the user posted anything.
 */
export function Checkbox({
  name,
  label,
  hint,
  checked = false,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  checked?: boolean;
}) {
  const [field] = useField<string>(name);
  const form = useFormMetadata();
  const error = firstError(field);
  const showsSubmission = Object.keys(form.initialValue ?? {}).length > 0;
  return (
    <div className="field checkbox">
      <label htmlFor={field.id}>
        <input
          type="checkbox"
          key={field.key}
          id={field.id}
          name={field.name}
          defaultChecked={showsSubmission ? field.initialValue === "on" : checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(field, hint, error)}
        />{" "}
        {label}
      </label>
      <Hint id={field.descriptionId}>{hint}</Hint>
      <ErrorText id={field.errorId} message={error} />
    </div>
  );
}
