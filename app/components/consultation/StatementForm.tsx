/**
 * The consulted office's form: heading, the statement (Tiptap with the shared extensions, a textarea without
 * JavaScript), the restrictions and recommendations as items, the verdict; "Entwurf speichern" keeps it
 * open, "abgeben" answers the consultation. A contribution has only its text. Posted values come back after a
 * refusal, so nothing typed is lost.
 */
import { Form } from "@remix-run/react";
import { VERDICTS, type ConsultationKind, type ItemInput } from "~/domain/consultation";
import { consultationText as t } from "~/domain/texts/consultation";
import { RichTextField } from "../editor/RichTextField";
import { FieldError } from "../field-error";
import { TextField } from "../text-field";
import { ItemsEditor } from "./ItemsEditor";
import { useHydrated } from "./useHydrated";

export interface StatementFormValues {
  title: string;
  statementJson: unknown;
  statementText: string;
  items: ItemInput[];
  verdict: string;
}

export function StatementForm({
  kind,
  version,
  values,
  errors,
}: {
  kind: ConsultationKind;
  version: number;
  values: StatementFormValues;
  errors: Record<string, string>;
}) {
  const hydrated = useHydrated();
  const contribution = kind === "department";
  return (
    <section aria-labelledby="statement-form-heading">
      <h2 id="statement-form-heading">{contribution ? t.statement.contributionHeading : t.statement.heading}</h2>
      {errors.form ? (
        <p className="notice notice--error" role="alert" id="statement-form-error">
          {errors.form}
        </p>
      ) : null}
      <Form method="post" noValidate aria-labelledby="statement-form-heading">
        <input type="hidden" name="version" value={version} />
        {hydrated ? <input type="hidden" name="rich" value="1" /> : null}
        {contribution ? null : (
          <TextField
            id="title"
            name="title"
            label={t.statement.title}
            defaultValue={values.title}
            error={errors.title}
          />
        )}
        <RichTextField
          id="statement"
          name="statement"
          label={contribution ? t.statement.contributionBody : t.statement.body}
          initialJson={values.statementJson}
          initialText={values.statementText}
          hydrated={hydrated}
          error={errors.statement}
        />
        {contribution ? null : (
          <>
            <ItemsEditor initial={values.items} errors={errors} hydrated={hydrated} />
            <fieldset className="field" aria-describedby={errors.verdict ? "verdict-error" : undefined}>
              <legend>{t.statement.verdict}</legend>
              {VERDICTS.map((v) => (
                <div key={v} className="checkbox">
                  <label htmlFor={`verdict-${v}`}>
                    <input
                      type="radio"
                      id={`verdict-${v}`}
                      name="verdict"
                      value={v}
                      defaultChecked={values.verdict === v}
                    />{" "}
                    {t.verdict[v]}
                  </label>
                </div>
              ))}
              <FieldError id="verdict-error" message={errors.verdict} />
            </fieldset>
          </>
        )}
        <div className="button-row">
          <button type="submit" name="intent" value="save" className="button button--secondary">
            {t.statement.save}
          </button>
          <button type="submit" name="intent" value="submit" className="button">
            {contribution ? t.statement.submitContribution : t.statement.submit}
          </button>
        </div>
      </Form>
    </section>
  );
}
