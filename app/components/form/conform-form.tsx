/**
 * One Conform form with its error summary. The server validates (parseWithZod in the action) and replies with
 * the submission; this renders the reply: the summary at the top lists every message as a link to its field
 * and takes the focus when a submission was refused, so that a screen reader reads it at once and the focus
 * never falls to <body> (WCAG 3.3.1, 4.1.3). Works without JavaScript: a plain POST form.
 */
import { FormProvider, getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { formText } from "~/domain/texts/form";

export function ConformForm({
  id,
  lastResult,
  children,
  labelledBy,
  method = "post",
  action,
  encType,
}: {
  /** Unique on the page: the ids of the fields derive from it. */
  id: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  children: ReactNode;
  labelledBy?: string;
  method?: "post" | "get";
  action?: string;
  /** "multipart/form-data" for a form with a file. */
  encType?: "multipart/form-data";
}) {
  const [form] = useForm({ id, lastResult, shouldValidate: "onSubmit" });
  return (
    <FormProvider context={form.context}>
      <ErrorSummary
        formId={form.id}
        errors={form.allErrors}
        lastResult={lastResult}
        fieldId={(name) => `${form.id}-${name}`}
      />
      <Form method={method} action={action} encType={encType} {...getFormProps(form)} aria-labelledby={labelledBy}>
        {children}
      </Form>
    </FormProvider>
  );
}

/** The messages of a refused submission: form-level ones as text, field ones as links to the field. */
export function ErrorSummary({
  formId,
  errors,
  lastResult,
  fieldId,
}: {
  formId: string;
  errors: Record<string, string[] | undefined>;
  lastResult: unknown;
  fieldId: (name: string) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors)
    .map(([name, messages]) => [name.replace(/\[\d+\].*$/, ""), messages?.[0]] as const)
    .filter((e): e is readonly [string, string] => Boolean(e[1]))
    .filter(([name], i, all) => all.findIndex(([n]) => n === name) === i);
  const hasErrors = entries.length > 0;
  // A new reply with messages: move the focus to them (only then, not on every render).
  useEffect(() => {
    if (lastResult && hasErrors) ref.current?.focus();
  }, [lastResult, hasErrors]);
  if (!hasErrors) return null;
  const titleId = `${formId}-summary-title`;
  return (
    <div
      className="notice notice--error error-summary"
      role="alert"
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={ref}
      id={`${formId}-summary`}
    >
      <p className="error-summary__title" id={titleId}>
        {formText.summaryTitle}
      </p>
      <ul>
        {entries.map(([name, message]) =>
          name === "" ? (
            <li key="form" className="form-error">
              {message}
            </li>
          ) : (
            <li key={name}>
              <a href={`#${fieldId(name)}`}>{message}</a>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
