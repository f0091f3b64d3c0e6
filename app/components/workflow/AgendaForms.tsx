/** Beratungsfolge and Anträge: link to a meeting's agenda item (or a new TOP), put a motion on the agenda, decide. */
import { formatDate } from "~/domain/format";
import { agendaPurposeLabels, AGENDA_PURPOSES, motionDecisionLabels, MOTION_DECISIONS } from "~/domain/labels";
import { workflowText as t } from "~/domain/texts/workflow";
import type { WorkflowView } from "~/server/workflow-view.server";
import { ActionForm, Input, Select, TextArea, type FormState } from "./fields";
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
      <Select name="meetingId" label={t.meeting} required>
        <option value="">–</option>
        <option value={NEW_MEETING}>{t.newMeeting}</option>
        {meetings.map((m) => (
          <option key={m.id} value={m.id}>
            {`${m.label}, ${formatDate(m.date)}`}
          </option>
        ))}
      </Select>
      <Select
        name="newMeetingOrganizationId"
        label={t.newMeetingOrganizationId}
      >
        <option value="">–</option>
        {workflow.options.meetingOrgans.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
      <Input
        name="newMeetingDate"
        type="date"
        label={t.newMeetingDate}
        hint={t.newMeetingHint}
      />
      <Select name="agendaItemId" label={t.agendaItem} required>
        <option value="">–</option>
        <option value={NEW_AGENDA_ITEM}>{t.newItem}</option>
        {meetings
          .filter((m) => m.items.length > 0)
          .map((m) => (
            <optgroup key={m.id} label={`${m.label}, ${formatDate(m.date)}`}>
              {m.items.map((i) => (
                <option key={i.id} value={i.id}>
                  {`TOP ${i.number}: ${i.title}`}
                </option>
              ))}
            </optgroup>
          ))}
      </Select>
      <Input name="newItemNumber" label={t.newItemNumber} hint={t.newItemHint} />
      <Input name="newItemTitle" label={t.newItemTitle} />
      {intent === "link_agenda" ? (
        <Select name="purpose" label={t.purpose} required>
          <option value="">–</option>
          {AGENDA_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {agendaPurposeLabels[p]}
            </option>
          ))}
        </Select>
      ) : null}
      <Select name="roleLabel" label={t.roleLabel} defaultValue={defaultRole}>
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
      <Select name="decision" label={t.decision} required>
        <option value="">–</option>
        {MOTION_DECISIONS.map((d) => (
          <option key={d} value={d}>
            {motionDecisionLabels[d]}
          </option>
        ))}
      </Select>
      <TextArea name="note" label={t.decisionNote} />
      <button type="submit">{t.decideSubmit}</button>
    </ActionForm>
  );
}
