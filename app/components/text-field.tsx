import type { InputHTMLAttributes, ReactNode } from "react";

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "aria-invalid" | "aria-describedby"> & {
  id: string;
  label: ReactNode;
  /** German message shown next to the field; marks the input invalid. */
  error?: string | null;
  /** Help text below the label, always announced with the field. */
  hint?: ReactNode;
};

/**
 * One labelled input with its error next to it (`<id>-error`) and optional hint (`<id>-hint`), wired with
 * aria-invalid and aria-describedby so that screen readers announce both. `name` defaults to `id`.
 */
export function TextField({ id, label, error, hint, name, ...input }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name ?? id}
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
