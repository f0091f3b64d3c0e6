/** Beratungsfolge and Anträge: link to a meeting's agenda item (or a new TOP), put a motion on the agenda, decide. */
import { formatDate } from "~/domain/format";
import { agendaPurposeLabels, AGENDA_PURPOSES, motionDecisionLabels, MOTION_DECISIONS } from "~/domain/labels";
import { workflowText as t } from "~/domain/texts/workflow";
import type { WorkflowView } from "~/server/inquiries/workflow-view.server";
import { ActionForm, Input, Select, TextArea, value, type FormState } from "./fields";
import { NEW_AGENDA_ITEM, NEW_MEETING } from "./form-input";

/**
 * The agenda item list holds the items of every meeting (grouped by meeting), so that the form works without
 * JavaScript; the server checks that the item belongs to the chosen meeting. A meeting not yet recorded is
 * created from its organ and date (its TOP is then new as well).
 */
export function AgendaForm({
  intent,
  version,
  workflow,
  state,
}: {
  intent: "link_agenda" | "put_on_agenda";
  version: number;
  workflow: WorkflowView;
  state: FormState;
}) {
  const meetings = workflow.options.meetings;
  const heading = intent === "put_on_agenda" ? t.putOnAgendaHeading : t.agendaFormHeading;
  const defaultRole = intent === "put_on_agenda" ? "Entscheidung" : "";
  return (
    <ActionForm intent={intent} version={version} state={state} heading={heading}>
      <Select form={intent} name="meetingId" label={t.meeting} required defaultValue={value(state, "meetingId")} error={state.errors.meetingId}>
        <option value="">–</option>
        <option value={NEW_MEETING}>{t.newMeeting}</option>
        {meetings.map((m) => (
          <option key={m.id} value={m.id}>
            {`${m.label}, ${formatDate(m.date)}`}
          </option>
        ))}
      </Select>
      <Select
        form={intent}
        name="newMeetingOrganizationId"
        label={t.newMeetingOrganizationId}
        defaultValue={value(state, "newMeetingOrganizationId")}
        error={state.errors.newMeetingOrganizationId}
      >
        <option value="">–</option>
        {workflow.options.meetingOrgans.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
      <Input
        form={intent}
        name="newMeetingDate"
        type="date"
        label={t.newMeetingDate}
        hint={t.newMeetingHint}
        defaultValue={value(state, "newMeetingDate")}
        error={state.errors.newMeetingDate}
      />
      <Select form={intent} name="agendaItemId" label={t.agendaItem} required defaultValue={value(state, "agendaItemId")} error={state.errors.agendaItemId}>
        <option value="">–</option>
        <option value={NEW_AGENDA_ITEM}>{t.newItem}</option>
        {meetings
          .filter((m) => m.items.length > 0)
          .map((m) => (
            <optgroup key={m.id} label={`${m.label}, ${formatDate(m.date)}`}>
              {m.items.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.number ? `TOP ${i.number}: ${i.title}` : i.title}
                </option>
              ))}
            </optgroup>
          ))}
      </Select>
      <Input form={intent} name="newItemNumber" label={t.newItemNumber} hint={t.newItemHint} defaultValue={value(state, "newItemNumber")} error={state.errors.newItemNumber} />
      <Input form={intent} name="newItemTitle" label={t.newItemTitle} defaultValue={value(state, "newItemTitle")} error={state.errors.newItemTitle} />
      {intent === "link_agenda" ? (
        <Select form={intent} name="purpose" label={t.purpose} required defaultValue={value(state, "purpose")} error={state.errors.purpose}>
          <option value="">–</option>
          {AGENDA_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {agendaPurposeLabels[p]}
            </option>
          ))}
        </Select>
      ) : null}
      <Select form={intent} name="roleLabel" label={t.roleLabel} defaultValue={value(state, "roleLabel", defaultRole)} error={state.errors.roleLabel}>
        <option value="">–</option>
        {t.roleLabels.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </Select>
      <button type="submit">{intent === "put_on_agenda" ? t.putOnAgendaSubmit : t.agendaSubmit}</button>
    </ActionForm>
  );
}

export function DecideForm({ version, state }: { version: number; state: FormState }) {
  return (
    <ActionForm intent="decide" version={version} state={state} heading={t.decideHeading}>
      <Select form="decide" name="decision" label={t.decision} required defaultValue={value(state, "decision")} error={state.errors.decision}>
        <option value="">–</option>
        {MOTION_DECISIONS.map((d) => (
          <option key={d} value={d}>
            {motionDecisionLabels[d]}
          </option>
        ))}
      </Select>
      <TextArea form="decide" name="note" label={t.decisionNote} defaultValue={value(state, "note")} error={state.errors.note} />
      <button type="submit">{t.decideSubmit}</button>
    </ActionForm>
  );
}
