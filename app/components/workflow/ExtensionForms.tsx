/** Fristverlängerung: the lead department's request, the council office's decision on it, or a direct extension. */
import { formatDate } from "~/domain/format";
import { workflowText as t } from "~/domain/texts/workflow";
import type { WorkflowView } from "~/server/inquiries/workflow-view.server";
import { ActionForm, Input, TextArea, value, type FormState } from "./fields";

type StateFor = (intent: string) => FormState;

function DueFields({ form, state, dueOn, defaults }: { form: string; state: FormState; dueOn: string | null; defaults?: { newDueOn: string; reason: string } }) {
  return (
    <>
      {dueOn ? <p>{t.currentDue(formatDate(dueOn))}</p> : null}
      <Input form={form} name="newDueOn" type="date" label={t.newDueOn} required defaultValue={value(state, "newDueOn", defaults?.newDueOn ?? "")} error={state.errors.newDueOn} />
      <TextArea form={form} name="reason" label={t.extensionReason} required defaultValue={value(state, "reason", defaults?.reason ?? "")} error={state.errors.reason} />
    </>
  );
}

export function RequestExtensionForm({ version, dueOn, state }: { version: number; dueOn: string | null; state: FormState }) {
  return (
    <ActionForm intent="request_extension" version={version} state={state} heading={t.requestExtensionHeading}>
      <DueFields form="request_extension" state={state} dueOn={dueOn} />
      <button type="submit">{t.requestExtensionSubmit}</button>
    </ActionForm>
  );
}

export function DecideExtensionForms({ version, dueOn, workflow, stateFor }: { version: number; dueOn: string | null; workflow: WorkflowView; stateFor: StateFor }) {
  const request = workflow.pendingRequests[0];
  if (!request) return null;
  const grant = stateFor("grant_extension");
  const refuse = stateFor("refuse_extension");
  return (
    <>
      <ActionForm intent="grant_extension" version={version} state={grant} heading={t.decideExtensionHeading}>
        <p>{t.pendingLine(request.organizationName, formatDate(request.requestedDueOn), request.reason)}</p>
        <input type="hidden" name="requestId" value={request.id} />
        <DueFields form="grant_extension" state={grant} dueOn={dueOn} defaults={{ newDueOn: request.requestedDueOn, reason: request.reason }} />
        <button type="submit">{t.grantSubmit}</button>
      </ActionForm>
      <ActionForm intent="refuse_extension" version={version} state={refuse} heading={t.refuseSubmit}>
        <input type="hidden" name="requestId" value={request.id} />
        <TextArea form="refuse_extension" name="note" label={t.refusalNote} required defaultValue={value(refuse, "note")} error={refuse.errors.note} />
        <button type="submit">{t.refuseSubmit}</button>
      </ActionForm>
    </>
  );
}

export function ExtendDeadlineForm({ version, dueOn, state }: { version: number; dueOn: string | null; state: FormState }) {
  return (
    <ActionForm intent="extend_deadline" version={version} state={state} heading={t.extendHeading}>
      <DueFields form="extend_deadline" state={state} dueOn={dueOn} />
      <button type="submit">{t.extendSubmit}</button>
    </ActionForm>
  );
}
