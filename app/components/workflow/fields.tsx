/**
 * Building blocks of the workflow forms: one plain POST form per action (works without JavaScript) carrying
 * the intent and the inquiry's version, and labelled fields whose German error sits next to them.
 */
import { Form } from "@remix-run/react";
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { FieldError } from "../field-error";
import { TextField } from "../text-field";
import type { FieldErrors, FormValues } from "./form-input";

/** What the last submission of this form returned: the user's input and the messages, to render again. */
export interface FormState {
  values: FormValues;
  errors: FieldErrors;
}

export const emptyState: FormState = { values: {}, errors: {} };

export function value(state: FormState, name: string, fallback = ""): string {
  const v = state.values[name];
  return typeof v === "string" ? v : fallback;
}

export function ActionForm({
  intent,
  version,
  state,
  heading,
  children,
}: {
  intent: string;
  version: number;
  state: FormState;
  heading: string;
  children: ReactNode;
}) {
  const headingId = `${intent}-heading`;
  const errorId = `${intent}-form-error`;
  return (
    <section aria-labelledby={headingId} className="workflow-action">
      <h3 id={headingId}>{heading}</h3>
      {state.errors.form ? (
        <p className="form-error notice notice--error" role="alert" id={errorId}>
          {state.errors.form}
        </p>
      ) : null}
      <Form method="post" noValidate aria-labelledby={headingId} aria-describedby={state.errors.form ? errorId : undefined}>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="version" value={version} />
        {children}
      </Form>
    </section>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> & {
  form: string;
  name: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
};

/** Ids are `<form intent>-<field>`, so that two forms on the page may have fields of the same name. */
export function TextArea({ form, name, label, error, hint, ...rest }: TextAreaProps) {
  const id = `${form}-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea id={id} name={name} rows={3} {...rest} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

type InputProps = {
  form: string;
  name: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  type?: string;
  defaultValue?: string;
  required?: boolean;
  min?: string;
};

/** A labelled input of a workflow form: the shared TextField with the form's id scheme. */
export function Input({ form, name, ...rest }: InputProps) {
  return <TextField id={`${form}-${name}`} name={name} {...rest} />;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> & {
  form: string;
  name: string;
  label: ReactNode;
  error?: string;
  children: ReactNode;
};

export function Select({ form, name, label, error, children, ...rest }: SelectProps) {
  const id = `${form}-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} {...rest} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {children}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A group of checkboxes (e.g. contributing departments), announced as one question with its error. */
export function CheckboxGroup({
  form,
  name,
  legend,
  hint,
  options,
  checked,
  error,
}: {
  form: string;
  name: string;
  legend: string;
  hint?: string;
  options: ReadonlyArray<{ id: string; name: string }>;
  checked: readonly string[];
  error?: string;
}) {
  const base = `${form}-${name}`;
  const describedBy = [hint ? `${base}-hint` : null, error ? `${base}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="field" aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={`${base}-hint`}>
          {hint}
        </p>
      ) : null}
      {options.map((o) => (
        <div key={o.id} className="checkbox">
          {/* The box inside its label keeps both on one line with the shared block-label style. */}
          <label htmlFor={`${base}-${o.id}`}>
            <input type="checkbox" id={`${base}-${o.id}`} name={name} value={o.id} defaultChecked={checked.includes(o.id)} /> {o.name}
          </label>
        </div>
      ))}
      <FieldError id={`${base}-error`} message={error} />
    </fieldset>
  );
}
