/**
 * The lead department's forms: ask the DPO for a statement, ask a contributing department for a
 * contribution (questions as rich text, due date), record a supervisory authority's letter (sender, date,
 * subject, content). Conform forms (the form's id is the kind, so the fields are `<kind>-<name>`): the route
 * validates with parseWithZod and the command; a refusal comes back with the error summary, which takes the
 * focus, the messages at the fields and the posted values. Plain POST forms that work without JavaScript.
 */
import type { SubmissionResult } from "@conform-to/react";
import type { ConsultationKind } from "~/domain/consultation";
import { consultationText as t } from "~/domain/texts/consultation";
import { ConformForm } from "../form/conform-form";
import { Select, TextInput } from "../form/fields";
import { ConformRichText } from "../form/rich-text";
import { useHydrated } from "./useHydrated";

export function RequestForm({
  kind,
  answerVersion,
  options,
  lastResult,
  today,
}: {
  kind: ConsultationKind;
  answerVersion: number;
  options: Array<{ id: string; name: string }>;
  lastResult: SubmissionResult<string[]> | null | undefined;
  today: string;
}) {
  const hydrated = useHydrated();
  const heading =
    kind === "dpo"
      ? t.request.dpoHeading
      : kind === "department"
        ? t.request.departmentHeading
        : t.request.externalHeading;
  const empty =
    kind === "dpo" ? t.request.noDpoOffice : kind === "department" ? t.request.noDepartments : t.request.noAuthorities;
  const headingId = `${kind}-request-heading`;
  return (
    <section aria-labelledby={headingId} className="workflow-action">
      <h3 id={headingId}>{heading}</h3>
      {options.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ConformForm id={kind} lastResult={lastResult} labelledBy={headingId}>
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="version" value={answerVersion} />
          {hydrated ? <input type="hidden" name="rich" value="1" /> : null}
          <Select
            name="addresseeOrganizationId"
            label={
              kind === "dpo" ? t.request.addressee : kind === "department" ? t.request.department : t.request.authority
            }
            defaultValue={options[0]?.id}
          >
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
          {kind === "supervisory_authority" ? (
            <>
              <TextInput name="letterOn" type="date" max={today} label={t.request.letterOn} />
              <TextInput name="letterTitle" label={t.request.letterTitle} />
              <ConformRichText name="letter" label={t.request.letter} hydrated={hydrated} />
            </>
          ) : (
            <>
              <ConformRichText
                name="questions"
                label={kind === "department" ? t.request.question : t.request.questions}
                hydrated={hydrated}
              />
              <TextInput name="dueOn" type="date" min={today} label={t.request.dueOn} />
            </>
          )}
          <button type="submit">
            {kind === "dpo"
              ? t.request.submitDpo
              : kind === "department"
                ? t.request.submitDepartment
                : t.request.submitExternal}
          </button>
        </ConformForm>
      )}
    </section>
  );
}
