/** Beratungsfolge and Anträge: link to a meeting's agenda item (or a new TOP), put a motion on the agenda, decide. */
import { useField } from "@conform-to/react";
import { useSearchParams } from "@remix-run/react";
import { formatDate } from "~/domain/format";
import { AGENDA_PURPOSES, motionDecisionLabels, MOTION_DECISIONS } from "~/domain/labels";
import { workflowText as t } from "~/domain/texts/workflow";
import type { WorkflowView } from "~/server/inquiries/workflow-view.server";
import { ActionForm, Input, Select, TextArea, type FormState } from "./fields";
import { NEW_AGENDA_ITEM, NEW_MEETING } from "./form-input";
import { typeWords } from "~/domain/texts/type-words";

/**
 * The agenda item list holds only the chosen meeting's items (AgendaItemChoice); the server still checks that
 * the item belongs to the chosen meeting. A meeting not yet recorded is created from its organ and date (its
 * TOP is then new as well).
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
  // Without JavaScript the meeting is chosen first with a GET of this page (the button in <noscript>).
  const [params] = useSearchParams();
  const chosenFromUrl = params.get("intent") === intent ? (params.get("meetingId") ?? undefined) : undefined;
  return (
    <ActionForm intent={intent} version={version} state={state} heading={heading}>
      <Select name="meetingId" label={t.meeting} required defaultValue={chosenFromUrl}>
        <option value="">–</option>
        <option value={NEW_MEETING}>{t.newMeeting}</option>
        {meetings.map((m) => (
          <option key={m.id} value={m.id}>
            {`${m.label}, ${formatDate(m.date)}`}
          </option>
        ))}
      </Select>
      <Select name="newMeetingOrganizationId" label={t.newMeetingOrganizationId}>
        <option value="">–</option>
        {workflow.options.meetingOrgans.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
      <Input name="newMeetingDate" type="date" label={t.newMeetingDate} hint={t.newMeetingHint} />
      <AgendaItemChoice meetings={meetings} />
      <Input name="newItemNumber" label={t.newItemNumber} hint={t.newItemHint} />
      <Input name="newItemTitle" label={t.newItemTitle} />
      {intent === "link_agenda" ? (
        <Select name="purpose" label={t.purpose} required>
          <option value="">–</option>
          {AGENDA_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {typeWords({ lifecycle: workflow.lifecycle }).agendaPurposes[p]}
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

/**
 * The agenda items of the chosen meeting only (and "new TOP"). With JavaScript the list follows the meeting
 * field as it changes; without, a button reloads the page with the chosen meeting.
 */
function AgendaItemChoice({ meetings }: { meetings: WorkflowView["options"]["meetings"] }) {
  const [meeting] = useField<string>("meetingId");
  const [params] = useSearchParams();
  const chosen = typeof meeting.value === "string" ? meeting.value : (params.get("meetingId") ?? "");
  const items = meetings.find((m) => m.id === chosen)?.items ?? [];
  return (
    <>
      <noscript>
        <button type="submit" formMethod="get" className="button button--secondary">
          {t.showMeetingItems}
        </button>
      </noscript>
      <Select name="agendaItemId" label={t.agendaItem} hint={chosen ? undefined : t.chooseMeetingFirst} required>
        <option value="">–</option>
        <option value={NEW_AGENDA_ITEM}>{t.newItem}</option>
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.number ? `TOP ${i.number}: ${i.title}` : i.title}
          </option>
        ))}
      </Select>
    </>
  );
}

/**
 * Only meetings that have taken place (today counts) can be chosen: a council decides in its meeting. Before
 * that the form says when the decision can be recorded.
 */
export function DecideForm({
  version,
  workflow,
  state,
}: {
  version: number;
  workflow: WorkflowView;
  state: FormState;
}) {
  const { held, upcoming } = workflow.options.decisionMeetings;
  const upcomingText = upcoming.map((m) => `${m.label}, ${formatDate(m.date)}`).join("; ");
  if (held.length === 0)
    return (
      <section className="workflow-action" aria-labelledby="decide-heading">
        <h3 id="decide-heading">{t.decideHeading}</h3>
        <p>{t.decideNotYet(upcomingText)}</p>
      </section>
    );
  return (
    <ActionForm intent="decide" version={version} state={state} heading={t.decideHeading}>
      <Select
        name="meetingId"
        label={t.decisionMeeting}
        hint={upcoming.length ? t.decisionMeetingUpcoming(upcomingText) : undefined}
        required
        defaultValue={held.length === 1 ? held[0]!.id : undefined}
      >
        {held.length === 1 ? null : <option value="">–</option>}
        {held.map((m) => (
          <option key={m.id} value={m.id}>
            {`${m.label}, ${formatDate(m.date)}`}
          </option>
        ))}
      </Select>
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
