/**
 * Building blocks of the workflow forms: one plain POST form per action (works without JavaScript) carrying
 * the intent and the inquiry's version, built on the shared Conform form and fields (app/components/form/):
 * labelled fields whose German error sits next to them, and an error summary that takes the focus.
 */
import type { SubmissionResult } from "@conform-to/react";
import type { ReactNode } from "react";
import { ConformForm } from "../form/conform-form";

export { Checkbox, CheckboxGroup, Select, TextArea, TextInput as Input } from "../form/fields";

/** What the last submission of this form returned (Conform's reply: the user's input and the messages). */
export interface FormState {
  result?: SubmissionResult<string[]>;
}

export const emptyState: FormState = {};

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
  return (
    <section aria-labelledby={headingId} className="workflow-action">
      <h3 id={headingId}>{heading}</h3>
      <ConformForm id={intent} lastResult={state.result} labelledBy={headingId}>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="version" value={version} />
        {children}
      </ConformForm>
    </section>
  );
}
