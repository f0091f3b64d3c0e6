/**
 * The consulted office's form: heading, the statement (Tiptap with the shared extensions, a textarea without
 * JavaScript), the restrictions and recommendations as items, the verdict; "Entwurf speichern" keeps it
 * open, "abgeben" answers the consultation. A contribution has only its text. A Conform form: the route
 * validates with parseWithZod and saveStatement; a refusal shows the error summary (it takes the focus), the
 * messages at the fields and the posted values, so nothing typed is lost — with and without JavaScript.
 */
import { useField, type SubmissionResult } from "@conform-to/react";
import { VERDICTS, type ConsultationKind, type ItemInput } from "~/domain/consultation";
import { consultationText as t } from "~/domain/texts/consultation";
import { ConformForm } from "../form/conform-form";
import { ErrorText, firstError, TextInput } from "../form/fields";
import { ConformRichText } from "../form/rich-text";
import { ItemsEditor } from "./ItemsEditor";
import { useHydrated } from "./useHydrated";

export const STATEMENT_FORM_ID = "stellungnahme";

export interface StatementFormValues {
  title: string;
  statementJson: unknown;
  statementText: string;
  items: ItemInput[];
  verdict: string;
}

/** The verdict as radios in one fieldset (the summary's link leads to it); the posted choice stays. */
function VerdictChoice({ initial }: { initial: string }) {
  const [field] = useField<string>("verdict");
  const error = firstError(field);
  const chosen = typeof field.initialValue === "string" ? field.initialValue : initial;
  return (
    <fieldset className="field" id={field.id} tabIndex={-1} aria-describedby={error ? field.errorId : undefined}>
      <legend>{t.statement.verdict}</legend>
      {VERDICTS.map((v) => (
        <div key={v} className="checkbox">
          <label htmlFor={`${field.id}-${v}`}>
            <input
              type="radio"
              key={field.key}
              id={`${field.id}-${v}`}
              name={field.name}
              value={v}
              defaultChecked={chosen === v}
              aria-invalid={error ? true : undefined}
            />{" "}
            {t.verdict[v]}
          </label>
        </div>
      ))}
      <ErrorText id={field.errorId} message={error} />
    </fieldset>
  );
}

export function StatementForm({
  kind,
  version,
  values,
  lastResult,
}: {
  kind: ConsultationKind;
  version: number;
  /** The saved statement (the page's data); after a refusal the posted values are shown instead. */
  values: StatementFormValues;
  lastResult: SubmissionResult<string[]> | null | undefined;
}) {
  const hydrated = useHydrated();
  const contribution = kind === "department";
  return (
    <section aria-labelledby="statement-form-heading">
      <h2 id="statement-form-heading">{contribution ? t.statement.contributionHeading : t.statement.heading}</h2>
      <ConformForm id={STATEMENT_FORM_ID} lastResult={lastResult} labelledBy="statement-form-heading">
        <input type="hidden" name="version" value={version} />
        {hydrated ? <input type="hidden" name="rich" value="1" /> : null}
        {contribution ? null : <TextInput name="title" label={t.statement.title} defaultValue={values.title} />}
        <ConformRichText
          name="statement"
          label={contribution ? t.statement.contributionBody : t.statement.body}
          hydrated={hydrated}
          initial={{ json: values.statementJson, text: values.statementText }}
        />
        {contribution ? null : (
          <>
            <ItemsEditor initial={values.items} hydrated={hydrated} />
            <VerdictChoice initial={values.verdict} />
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
      </ConformForm>
    </section>
  );
}
