/** Forms of the council office's intake and assignment, the lead department's start, visibility, withdrawal. */
import { workflowText as t } from "~/domain/texts/workflow";
import type { WorkflowView } from "~/server/inquiries/workflow-view.server";
import { ActionForm, Checkbox, CheckboxGroup, Select, TextArea, type FormState } from "./fields";

type StateFor = (intent: string) => FormState;

export function AcceptForms({
  version,
  stateFor,
  canAccept,
  canDecline,
}: {
  version: number;
  stateFor: StateFor;
  canAccept: boolean;
  canDecline: boolean;
}) {
  const decline = stateFor("declare_inadmissible");
  return (
    <>
      {canAccept ? (
        <ActionForm intent="accept" version={version} state={stateFor("accept")} heading={t.acceptHeading}>
          <p>{t.acceptIntro}</p>
          <button type="submit">{t.accept}</button>
        </ActionForm>
      ) : null}
      {canDecline ? (
        <ActionForm intent="declare_inadmissible" version={version} state={decline} heading={t.inadmissibleHeading}>
          <TextArea name="reason" label={t.inadmissibleReason} required />
          <Checkbox name="hideQuestionText" label={t.hideQuestionText} hint={t.hideQuestionTextHint} />
          <TextArea name="questionTextHiddenReason" label={t.questionTextHiddenReason} />
          <button type="submit">{t.inadmissibleSubmit}</button>
        </ActionForm>
      ) : null}
    </>
  );
}

export function AssignForm({
  version,
  workflow,
  state,
}: {
  version: number;
  workflow: WorkflowView;
  state: FormState;
}) {
  const orgs = workflow.options.answeringOrganizations;
  return (
    <ActionForm intent="assign" version={version} state={state} heading={t.assignHeading}>
      <Select name="leadOrganizationId" label={t.lead} required>
        <option value="">–</option>
        {orgs.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
      <CheckboxGroup
        name="contributorIds"
        legend={t.contributorsLegend}
        hint={t.contributorsHint}
        options={orgs}
        checked={[]}
      />
      <button type="submit">{t.assignSubmit}</button>
    </ActionForm>
  );
}

export function ContributorsForm({
  version,
  workflow,
  state,
}: {
  version: number;
  workflow: WorkflowView;
  state: FormState;
}) {
  const orgs = workflow.options.answeringOrganizations.filter((o) => o.id !== workflow.leadOrganizationId);
  const checked = workflow.contributors.map((c) => c.id);
  return (
    <ActionForm intent="change_contributors" version={version} state={state} heading={t.contributors}>
      <CheckboxGroup
        name="contributorIds"
        legend={t.contributorsLegend}
        hint={t.contributorsHint}
        options={orgs}
        checked={checked}
      />
      <button type="submit">{t.contributorsSubmit}</button>
    </ActionForm>
  );
}

export function StartAnsweringForm({ version, state }: { version: number; state: FormState }) {
  return (
    <ActionForm intent="start_answering" version={version} state={state} heading={t.startAnsweringHeading}>
      <button type="submit">{t.startAnsweringSubmit}</button>
    </ActionForm>
  );
}

export function VisibilityForm({
  version,
  current,
  state,
}: {
  version: number;
  current: "public" | "internal";
  state: FormState;
}) {
  const next = current === "public" ? "internal" : "public";
  return (
    <ActionForm intent="change_visibility" version={version} state={state} heading={t.visibilityHeading}>
      <p>{t.visibilityExplanation}</p>
      <Select name="visibility" label={t.visibilityChoice} defaultValue={next}>
        <option value="public">{t.visibilityPublic}</option>
        <option value="internal">{t.visibilityInternal}</option>
      </Select>
      <TextArea name="reason" label={t.visibilityReasonField} required />
      <button type="submit">{t.visibilitySubmit}</button>
    </ActionForm>
  );
}

/** Afterwards, on an inadmissible inquiry: hide the question text publicly, with the public note why. */
export function HideQuestionTextForm({ version, state }: { version: number; state: FormState }) {
  return (
    <ActionForm intent="hide_question_text" version={version} state={state} heading={t.hideQuestionTextHeading}>
      <p>{t.hideQuestionTextHint}</p>
      <TextArea name="questionTextHiddenReason" label={t.questionTextHiddenReason} required />
      <button type="submit">{t.hideQuestionTextSubmit}</button>
    </ActionForm>
  );
}

/** On an inadmissible inquiry whose question text is hidden: show it publicly again, with an internal reason. */
export function ShowQuestionTextForm({ version, state }: { version: number; state: FormState }) {
  return (
    <ActionForm intent="show_question_text" version={version} state={state} heading={t.showQuestionTextHeading}>
      <p>{t.showQuestionTextHint}</p>
      <TextArea name="reason" label={t.showQuestionTextReason} required />
      <button type="submit">{t.showQuestionTextSubmit}</button>
    </ActionForm>
  );
}

export function WithdrawForm({ version, state }: { version: number; state: FormState }) {
  return (
    <ActionForm intent="withdraw" version={version} state={state} heading={t.withdrawHeading}>
      <TextArea name="publicNote" label={t.withdrawNote} required />
      <button type="submit">{t.withdrawSubmit}</button>
    </ActionForm>
  );
}
