/**
 * Sitzungen and Tagesordnung: linking an inquiry to a meeting's agenda item (Sitzung, TOP) — an existing one
 * or a new TOP, of an existing meeting or a new one (a body without recorded meetings is no dead end). The motion
 * lifecycle's `put_on_agenda` (motions/motions.server.ts) writes its agenda link through writeAgendaLink.
 */
import { and, asc, desc, eq, inArray, max } from "drizzle-orm";
import { agendaItems, inquiryAgendaItems, meetings, organizations } from "../../../db/schema";
import { formatDate } from "../../domain/format";
import type { AgendaPurpose } from "../../domain/labels";
import { isIsoDate } from "../../domain/lifecycle";
import { workflowText as t } from "../../domain/texts/workflow";
import type { Db, Tx } from "../core/db.server";
import { runRecordedCommand, WorkflowInputError, type WorkflowUser } from "../inquiries/workflow-context.server";

export interface AgendaLinkInput {
  /** An existing meeting of the body, or null to create the meeting below. */
  meetingId: string | null;
  /** A new meeting (Sitzung) of the council or a committee of the body on that date. */
  newMeeting: { organizationId: string; date: string } | null;
  /** An existing agenda item of the meeting, or null to create the TOP below. */
  agendaItemId: string | null;
  newItemNumber: string | null;
  newItemTitle: string | null;
  /**
   * A new TOP without a number: a Vorlage names its Beratungsfolge (committee, date) but not the TOP it will
   * have — unknown stays unknown (publication of an answer).
   */
  unnumbered?: boolean;
  purpose: AgendaPurpose;
  /** Zuständigkeit as written: "Anhörung", "Kenntnisnahme", "Entscheidung". */
  roleLabel: string | null;
}

/** The meetings a motion is on the agenda of for decision (purpose "decision"), earliest first. */
export async function decisionMeetingsOf(
  db: Db | Tx,
  bodyId: string,
  inquiryId: string,
): Promise<Array<{ id: string; label: string; date: string }>> {
  const rows = await db
    .selectDistinct({ id: meetings.id, name: meetings.name, date: meetings.date, organ: organizations.name })
    .from(inquiryAgendaItems)
    .innerJoin(agendaItems, eq(agendaItems.id, inquiryAgendaItems.agendaItemId))
    .innerJoin(meetings, and(eq(meetings.id, agendaItems.meetingId), eq(meetings.bodyId, bodyId)))
    .innerJoin(organizations, eq(organizations.id, meetings.organizationId))
    .where(and(eq(inquiryAgendaItems.inquiryId, inquiryId), eq(inquiryAgendaItems.purpose, "decision")))
    .orderBy(asc(meetings.date), asc(meetings.id));
  return rows.map((m) => ({ id: m.id, label: `${m.name} (${m.organ})`, date: m.date }));
}

/** Organs whose meetings have agendas: the council and its committees. */
const MEETING_ORGANIZATION_KINDS = ["council", "committee"] as const;

async function existingMeeting(tx: Tx, bodyId: string, meetingId: string) {
  const [meeting] = await tx
    .select({ id: meetings.id, name: meetings.name, date: meetings.date })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.bodyId, bodyId)));
  if (!meeting) throw new WorkflowInputError("meetingId", t.unknownMeeting);
  return meeting;
}

/** Creates the meeting of an organ of the body on a date — or finds it, if it is already recorded. */
async function newMeeting(tx: Tx, bodyId: string, input: AgendaLinkInput["newMeeting"]) {
  if (!input) throw new WorkflowInputError("meetingId", t.chooseMeeting);
  if (!isIsoDate(input.date)) throw new WorkflowInputError("newMeetingDate", t.invalidDate);
  const [organ] = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(
      and(
        eq(organizations.id, input.organizationId),
        eq(organizations.bodyId, bodyId),
        inArray(organizations.kind, [...MEETING_ORGANIZATION_KINDS]),
      ),
    );
  if (!organ) throw new WorkflowInputError("newMeetingOrganizationId", t.unknownOrgan);
  // A meeting of that organ on that day is the same Sitzung, whatever it was named when it was recorded.
  const [existing] = await tx
    .select({ id: meetings.id, name: meetings.name, date: meetings.date })
    .from(meetings)
    .where(and(eq(meetings.organizationId, organ.id), eq(meetings.date, input.date)))
    .limit(1);
  if (existing) return existing;
  const name = t.meetingName(organ.name);
  const values = { bodyId, organizationId: organ.id, name, date: input.date };
  const [created] = await tx
    .insert(meetings)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: meetings.id, name: meetings.name, date: meetings.date });
  if (created) return created;
  const [found] = await tx
    .select({ id: meetings.id, name: meetings.name, date: meetings.date })
    .from(meetings)
    .where(and(eq(meetings.organizationId, organ.id), eq(meetings.date, input.date), eq(meetings.name, name)));
  return found!;
}

/** Writes the inquiry_agenda_items row (creating the TOP if asked); returns what the event should record. */
export async function writeAgendaLink(tx: Tx, bodyId: string, inquiryId: string, input: AgendaLinkInput) {
  const meeting = input.meetingId
    ? await existingMeeting(tx, bodyId, input.meetingId)
    : await newMeeting(tx, bodyId, input.newMeeting);

  let item: { id: string; number: string | null; title: string };
  if (input.agendaItemId) {
    const [existing] = await tx
      .select({ id: agendaItems.id, number: agendaItems.number, title: agendaItems.title })
      .from(agendaItems)
      .where(and(eq(agendaItems.id, input.agendaItemId), eq(agendaItems.meetingId, meeting.id)));
    if (!existing) throw new WorkflowInputError("agendaItemId", t.unknownAgendaItem);
    item = existing;
  } else {
    const number = input.newItemNumber?.trim() || null;
    const title = input.newItemTitle?.trim();
    if (!number && !input.unnumbered) throw new WorkflowInputError("newItemNumber", t.required);
    if (!title) throw new WorkflowInputError("newItemTitle", t.required);
    const [taken] = number
      ? await tx
          .select({ id: agendaItems.id })
          .from(agendaItems)
          .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.number, number)))
      : [];
    if (taken) throw new WorkflowInputError("newItemNumber", t.agendaNumberTaken);
    const [last] = await tx
      .select({ position: max(agendaItems.position) })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meeting.id));
    const [created] = await tx
      .insert(agendaItems)
      .values({ meetingId: meeting.id, number, title, position: (last?.position ?? 0) + 1 })
      .returning({ id: agendaItems.id, number: agendaItems.number, title: agendaItems.title });
    item = created!;
  }

  const [linked] = await tx
    .select({ id: inquiryAgendaItems.agendaItemId })
    .from(inquiryAgendaItems)
    .where(
      and(
        eq(inquiryAgendaItems.inquiryId, inquiryId),
        eq(inquiryAgendaItems.agendaItemId, item.id),
        eq(inquiryAgendaItems.purpose, input.purpose),
      ),
    );
  if (linked) throw new WorkflowInputError("agendaItemId", t.alreadyLinked);
  const roleLabel = input.roleLabel?.trim() || null;
  await tx.insert(inquiryAgendaItems).values({ inquiryId, agendaItemId: item.id, purpose: input.purpose, roleLabel });
  return {
    meetingId: meeting.id,
    meetingName: meeting.name,
    meetingDate: meeting.date,
    agendaItemId: item.id,
    agendaItemNumber: item.number,
    purpose: input.purpose,
    roleLabel,
  };
}

/** Council office: link the inquiry to a meeting's agenda item (event `agenda_linked`, not public). */
export async function linkAgenda(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  input: AgendaLinkInput,
) {
  return runRecordedCommand(
    db,
    user,
    { inquiryId, expectedVersion, action: "link_agenda" },
    async (tx, { inquiry }) => ({
      event: {
        type: "agenda_linked",
        public: false,
        payload: await writeAgendaLink(tx, inquiry.bodyId, inquiry.id, input),
      },
    }),
  );
}

export interface MeetingChoices {
  /** Recorded meetings of the body, newest first. */
  meetings: Array<{ id: string; label: string }>;
  /** The council and its committees, for a meeting not yet recorded. */
  organs: Array<{ id: string; name: string }>;
}

/** Choices for a Beratungsfolge (the publication form): the body's meetings and its organs. */
export async function meetingChoices(tx: Db | Tx, bodyId: string): Promise<MeetingChoices> {
  const [meetingRows, organs] = await Promise.all([
    tx
      .select({ id: meetings.id, name: meetings.name, date: meetings.date, organ: organizations.name })
      .from(meetings)
      .innerJoin(organizations, eq(organizations.id, meetings.organizationId))
      .where(eq(meetings.bodyId, bodyId))
      .orderBy(desc(meetings.date))
      .limit(100),
    tx
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(and(eq(organizations.bodyId, bodyId), inArray(organizations.kind, [...MEETING_ORGANIZATION_KINDS])))
      .orderBy(asc(organizations.name)),
  ]);
  return {
    meetings: meetingRows.map((m) => ({ id: m.id, label: `${m.organ}, ${formatDate(m.date)} – ${m.name}` })),
    organs,
  };
}
