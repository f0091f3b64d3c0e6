/**
 * Conform fields for table cells (one row of a repeated table per line): the label is visually hidden and names
 * column and row, the German error sits below the control, aria-invalid / aria-describedby are wired to it.
 * After a refused submission every cell shows what the user posted — an empty or unticked one included —
 * and before that the page's value. They must sit inside a <ConformForm>.
 */
import { useField, useFormMetadata } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { ErrorText, firstError } from "./fields";

/** Whether this form's fields show a posted submission (then a missing value means empty or unticked). */
function useShowsSubmission(): boolean {
  const form = useFormMetadata();
  const posted = form.initialValue;
  return Boolean(posted && Object.keys(posted).length > 0);
}

function posted(field: { initialValue?: unknown }, showsSubmission: boolean, fallback: string): string {
  const v = field.initialValue;
  if (typeof v === "string") return v;
  return showsSubmission ? "" : fallback;
}

function aria(field: { errorId: string }, error: string | undefined) {
  return { "aria-invalid": error ? true : undefined, "aria-describedby": error ? field.errorId : undefined };
}

interface Cell {
  name: string;
  /** Names column and row for screen readers (the cell has no visible label of its own). */
  label: string;
  /** The page's value, shown until the user posts the form. */
  defaultValue: string;
}

export function CellInput({
  name,
  label,
  defaultValue,
  ...rest
}: Cell & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "defaultValue">) {
  const [field] = useField<string>(name);
  const showsSubmission = useShowsSubmission();
  const error = firstError(field);
  return (
    <>
      <label htmlFor={field.id} className="visually-hidden">
        {label}
      </label>
      <input
        {...rest}
        key={field.key}
        id={field.id}
        name={field.name}
        defaultValue={posted(field, showsSubmission, defaultValue)}
        {...aria(field, error)}
      />
      <ErrorText id={field.errorId} message={error} />
    </>
  );
}

export function CellSelect({
  name,
  label,
  defaultValue,
  children,
  ...rest
}: Cell & { children: ReactNode } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    "name" | "id" | "defaultValue" | "children"
  >) {
  const [field] = useField<string>(name);
  const showsSubmission = useShowsSubmission();
  const error = firstError(field);
  return (
    <>
      <label htmlFor={field.id} className="visually-hidden">
        {label}
      </label>
      <select
        {...rest}
        key={field.key}
        id={field.id}
        name={field.name}
        defaultValue={posted(field, showsSubmission, defaultValue)}
        {...aria(field, error)}
      >
        {children}
      </select>
      <ErrorText id={field.errorId} message={error} />
    </>
  );
}

/**
 * One checkbox of a cell; several cells may share a name (each posts its value when ticked). Labelled by
 * `label` through aria-label, since a column heading and a row heading together name it.
 */
export function CellCheckbox({
  name,
  value = "on",
  label,
  checked,
}: {
  name: string;
  value?: string;
  label: string;
  /** Ticked before the user posted the form. */
  checked: boolean;
}) {
  const [field] = useField<string | string[]>(name);
  const showsSubmission = useShowsSubmission();
  const v = field.initialValue;
  const ticked = !showsSubmission ? checked : Array.isArray(v) ? v.includes(value) : v === value;
  return (
    <input
      type="checkbox"
      key={field.key}
      id={`${field.id}-${value}`}
      name={field.name}
      value={value}
      defaultChecked={ticked}
      aria-label={label}
    />
  );
}
