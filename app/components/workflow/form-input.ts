/**
 * The contract between the workflow forms and the page's action: field names, and the zod schema that turns a
 * posted form into one WorkflowCommand with German field messages. Only these fields are read.
 */
import { z } from "zod";
import { AGENDA_PURPOSES, MOTION_DECISIONS } from "~/domain/labels";
import { isIsoDate } from "~/domain/lifecycle";
import { workflowText as t, type WorkflowField } from "~/domain/texts/workflow";
import type { WorkflowCommand } from "~/server/inquiries/intake.server";

const TEXT_MAX = 2000;
const SHORT_MAX = 200;

export const INTENTS = [
  "accept",
  "declare_inadmissible",
  "assign",
  "change_contributors",
  "start_answering",
  "link_agenda",
  "put_on_agenda",
  "decide",
  "change_visibility",
  "request_extension",
  "grant_extension",
  "refuse_extension",
  "extend_deadline",
  "withdraw",
] as const;

/** The value of the agenda item (and meeting) choice that asks for a new TOP (or meeting). */
export const NEW_AGENDA_ITEM = "neu";
export const NEW_MEETING = "neu";

const requiredText = (max = TEXT_MAX) => z.string().trim().min(1, t.required).max(max, t.tooLong(max));
const optionalText = (max = TEXT_MAX) =>
  z
    .string()
    .trim()
    .max(max, t.tooLong(max))
    .transform((v) => (v === "" ? null : v));
const uuid = (message: string) => z.string().uuid(message);
const isoDate = z.string().trim().refine(isIsoDate, t.invalidDate);

const agendaFields = {
  meetingId: z.string().refine((v) => v === NEW_MEETING || z.string().uuid().safeParse(v).success, t.chooseMeeting),
  newMeetingOrganizationId: z.string(),
  newMeetingDate: z.string().trim(),
  agendaItemId: z.string().refine((v) => v === NEW_AGENDA_ITEM || z.string().uuid().safeParse(v).success, t.chooseAgendaItem),
  newItemNumber: optionalText(20),
  newItemTitle: optionalText(SHORT_MAX),
  roleLabel: optionalText(60),
};

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept") }),
  z.object({ intent: z.literal("start_answering") }),
  z.object({ intent: z.literal("declare_inadmissible"), reason: requiredText() }),
  z.object({
    intent: z.literal("assign"),
    leadOrganizationId: uuid(t.chooseLead),
    contributorIds: z.array(uuid(t.unknownOrganization)).max(50),
  }),
  z.object({ intent: z.literal("change_contributors"), contributorIds: z.array(uuid(t.unknownOrganization)).max(50) }),
  z.object({ intent: z.literal("link_agenda"), ...agendaFields, purpose: z.enum(AGENDA_PURPOSES, { message: t.choosePurpose }) }),
  z.object({ intent: z.literal("put_on_agenda"), ...agendaFields }),
  z.object({ intent: z.literal("decide"), decision: z.enum(MOTION_DECISIONS, { message: t.chooseDecision }), note: optionalText() }),
  z.object({
    intent: z.literal("change_visibility"),
    visibility: z.enum(["public", "internal"], { message: t.chooseVisibility }),
    reason: requiredText(),
  }),
  z.object({ intent: z.literal("request_extension"), newDueOn: isoDate, reason: requiredText() }),
  z.object({ intent: z.literal("grant_extension"), requestId: uuid(t.noPendingRequest), newDueOn: isoDate, reason: requiredText() }),
  z.object({ intent: z.literal("refuse_extension"), requestId: uuid(t.noPendingRequest), note: requiredText() }),
  z.object({ intent: z.literal("extend_deadline"), newDueOn: isoDate, reason: requiredText() }),
  z.object({ intent: z.literal("withdraw"), publicNote: requiredText() }),
]);

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Partial<Record<WorkflowField, string>>;

export type ParsedForm =
  | { ok: true; version: number; command: WorkflowCommand; values: FormValues }
  | { ok: false; intent: string; values: FormValues; errors: FieldErrors };

/** Reads the posted form: every value cut to a bound length, so that huge posts cost nothing further. */
export function readWorkflowForm(form: FormData): ParsedForm {
  const text = (name: string, max = TEXT_MAX + 1) => String(form.get(name) ?? "").slice(0, max);
  const values: FormValues = {
    intent: text("intent", 40),
    reason: text("reason"),
    leadOrganizationId: text("leadOrganizationId", 40),
    contributorIds: form.getAll("contributorIds").slice(0, 51).map((v) => String(v).slice(0, 40)),
    meetingId: text("meetingId", 40),
    newMeetingOrganizationId: text("newMeetingOrganizationId", 40),
    newMeetingDate: text("newMeetingDate", 20),
    agendaItemId: text("agendaItemId", 40),
    newItemNumber: text("newItemNumber", 21),
    newItemTitle: text("newItemTitle", SHORT_MAX + 1),
    purpose: text("purpose", 20),
    roleLabel: text("roleLabel", 61),
    decision: text("decision", 20),
    note: text("note"),
    visibility: text("visibility", 20),
    newDueOn: text("newDueOn", 20),
    requestId: text("requestId", 40),
    publicNote: text("publicNote"),
  };
  const intent = values.intent as string;
  const version = Number(text("version", 12));
  if (!(INTENTS as readonly string[]).includes(intent)) return { ok: false, intent, values, errors: { form: t.unknownIntent } };
  if (!Number.isSafeInteger(version) || version < 1) return { ok: false, intent, values, errors: { form: t.invalidVersion } };

  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = (issue.path[0] ?? "form") as WorkflowField;
      errors[field] ??= issue.message;
    }
    return { ok: false, intent, values, errors };
  }
  const data = parsed.data;
  let command: WorkflowCommand;
  if (data.intent === "link_agenda" || data.intent === "put_on_agenda") {
    const newItem = data.agendaItemId === NEW_AGENDA_ITEM;
    const newMeeting = data.meetingId === NEW_MEETING;
    const errors: FieldErrors = {};
    if (newItem && !data.newItemNumber) errors.newItemNumber = t.required;
    if (newItem && !data.newItemTitle) errors.newItemTitle = t.required;
    // A new meeting has no agenda items yet: its TOP is new as well.
    if (newMeeting && !newItem) errors.agendaItemId = t.chooseAgendaItem;
    if (newMeeting && !z.string().uuid().safeParse(data.newMeetingOrganizationId).success) errors.newMeetingOrganizationId = t.unknownOrgan;
    if (newMeeting && !isIsoDate(data.newMeetingDate)) errors.newMeetingDate = t.invalidDate;
    if (Object.keys(errors).length) return { ok: false, intent, values, errors };
    const { newMeetingOrganizationId, newMeetingDate, ...rest } = data;
    command = {
      ...rest,
      meetingId: newMeeting ? null : data.meetingId,
      newMeeting: newMeeting ? { organizationId: newMeetingOrganizationId, date: newMeetingDate } : null,
      agendaItemId: newItem ? null : data.agendaItemId,
    };
  } else {
    command = data;
  }
  return { ok: true, version, command, values };
}
