/** Fristverlängerung: the lead department's request, the council office's decision on it, or a direct extension. */
import { formatDate } from "~/domain/format";
import { workflowText as t } from "~/domain/texts/workflow";
import type { WorkflowView } from "~/server/inquiries/workflow-view.server";
import { ActionForm, Input, TextArea, type FormState } from "./fields";

type StateFor = (intent: string) => FormState;

function DueFields({ dueOn, defaults }: { dueOn: string | null; defaults?: { newDueOn: string; reason: string } }) {
  return (
    <>
      {dueOn ? <p>{t.currentDue(formatDate(dueOn))}</p> : null}
      <Input name="newDueOn" type="date" label={t.newDueOn} required defaultValue={defaults?.newDueOn ?? ""} />
      <TextArea name="reason" label={t.extensionReason} required defaultValue={defaults?.reason ?? ""} />
    </>
  );
}

export function RequestExtensionForm({
  version,
  dueOn,
  state,
}: {
  version: number;
  dueOn: string | null;
  state: FormState;
}) {
  return (
    <ActionForm intent="request_extension" version={version} state={state} heading={t.requestExtensionHeading}>
      <DueFields dueOn={dueOn} />
      <button type="submit">{t.requestExtensionSubmit}</button>
    </ActionForm>
  );
}

export function DecideExtensionForms({
  version,
  dueOn,
  workflow,
  stateFor,
}: {
  version: number;
  dueOn: string | null;
  workflow: WorkflowView;
  stateFor: StateFor;
}) {
  const request = workflow.pendingRequests[0];
  if (!request) return null;
  const grant = stateFor("grant_extension");
  const refuse = stateFor("refuse_extension");
  return (
    <>
      <ActionForm intent="grant_extension" version={version} state={grant} heading={t.decideExtensionHeading}>
        <p>{t.pendingLine(request.organizationName, formatDate(request.requestedDueOn), request.reason)}</p>
        <input type="hidden" name="requestId" value={request.id} />
        <DueFields dueOn={dueOn} defaults={{ newDueOn: request.requestedDueOn, reason: request.reason }} />
        <button type="submit">{t.grantSubmit}</button>
      </ActionForm>
      <ActionForm intent="refuse_extension" version={version} state={refuse} heading={t.refuseSubmit}>
        <input type="hidden" name="requestId" value={request.id} />
        <TextArea name="note" label={t.refusalNote} required />
        <button type="submit">{t.refuseSubmit}</button>
      </ActionForm>
    </>
  );
}

export function ExtendDeadlineForm({
  version,
  dueOn,
  state,
}: {
  version: number;
  dueOn: string | null;
  state: FormState;
}) {
  return (
    <ActionForm intent="extend_deadline" version={version} state={state} heading={t.extendHeading}>
      <DueFields dueOn={dueOn} />
      <button type="submit">{t.extendSubmit}</button>
    </ActionForm>
  );
}
