/**
 * The lead department's forms: ask the DPO for a statement, ask a contributing department for a
 * contribution (questions as rich text, due date), record a supervisory authority's letter (sender, date,
 * subject, content). Each is a plain POST form that works without JavaScript; the posted values and
 * German messages come back at the fields after a refusal.
 */
import { Form } from "@remix-run/react";
import type { ConsultationKind } from "~/domain/consultation";
import { consultationText as t } from "~/domain/texts/consultation";
import { RichTextField } from "../editor/RichTextField";
import { FieldError } from "../field-error";
import { TextField } from "../text-field";
import { useHydrated } from "./useHydrated";

export interface RequestFormState {
  kind: string;
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

function parseJson(raw: string): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function AddresseeSelect({
  id,
  label,
  options,
  value,
  error,
}: {
  id: string;
  label: string;
  options: Array<{ id: string; name: string }>;
  value: string;
  error?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name="addresseeOrganizationId"
        defaultValue={value || options[0]?.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function RequestForm({
  kind,
  answerVersion,
  options,
  last,
  today,
}: {
  kind: ConsultationKind;
  answerVersion: number;
  options: Array<{ id: string; name: string }>;
  last: RequestFormState | null;
  today: string;
}) {
  const hydrated = useHydrated();
  const mine = last && last.kind === kind ? last : null;
  const errors = mine?.errors ?? {};
  const values = mine?.values ?? {};
  const p = `${kind}-`;
  const heading =
    kind === "dpo"
      ? t.request.dpoHeading
      : kind === "department"
        ? t.request.departmentHeading
        : t.request.externalHeading;
  const empty =
    kind === "dpo" ? t.request.noDpoOffice : kind === "department" ? t.request.noDepartments : t.request.noAuthorities;
  const headingId = `${p}request-heading`;
  return (
    <section aria-labelledby={headingId} className="workflow-action">
      <h3 id={headingId}>{heading}</h3>
      {options.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          {errors.form ? (
            <p className="notice notice--error" role="alert">
              {errors.form}
            </p>
          ) : null}
          <Form method="post" noValidate aria-labelledby={headingId}>
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="version" value={answerVersion} />
            {hydrated ? <input type="hidden" name="rich" value="1" /> : null}
            <AddresseeSelect
              id={`${p}addressee`}
              label={
                kind === "dpo"
                  ? t.request.addressee
                  : kind === "department"
                    ? t.request.department
                    : t.request.authority
              }
              options={options}
              value={str(values.addresseeOrganizationId)}
              error={errors.addresseeOrganizationId}
            />
            {kind === "supervisory_authority" ? (
              <>
                <TextField
                  id={`${p}letterOn`}
                  name="letterOn"
                  type="date"
                  max={today}
                  label={t.request.letterOn}
                  defaultValue={str(values.letterOn)}
                  error={errors.letterOn}
                />
                <TextField
                  id={`${p}letterTitle`}
                  name="letterTitle"
                  label={t.request.letterTitle}
                  defaultValue={str(values.letterTitle)}
                  error={errors.letterTitle}
                />
                <RichTextField
                  id={`${p}letter`}
                  name="letter"
                  label={t.request.letter}
                  initialJson={parseJson(str(values["letter-json"]))}
                  initialText={str(values["letter-text"])}
                  hydrated={hydrated}
                  error={errors.letter}
                />
              </>
            ) : (
              <>
                <RichTextField
                  id={`${p}questions`}
                  name="questions"
                  label={kind === "department" ? t.request.question : t.request.questions}
                  initialJson={parseJson(str(values["questions-json"]))}
                  initialText={str(values["questions-text"])}
                  hydrated={hydrated}
                  error={errors.questions}
                />
                <TextField
                  id={`${p}dueOn`}
                  name="dueOn"
                  type="date"
                  min={today}
                  label={t.request.dueOn}
                  defaultValue={str(values.dueOn)}
                  error={errors.dueOn}
                />
              </>
            )}
            <button type="submit">
              {kind === "dpo"
                ? t.request.submitDpo
                : kind === "department"
                  ? t.request.submitDepartment
                  : t.request.submitExternal}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
