/**
 * The contract between the workflow forms and the page's action: field names, and the zod schema that turns a
 * posted form into one WorkflowCommand with German field messages. Only these fields are read.
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { AGENDA_PURPOSES, MOTION_DECISIONS } from "~/domain/labels";
import { isIsoDate } from "~/domain/lifecycle";
import { workflowText as t, type WorkflowField } from "~/domain/texts/workflow";
import { fieldErrorsOf, replyWithErrors } from "~/utils/form-reply";
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
  "hide_question_text",
  "show_question_text",
  "request_extension",
  "grant_extension",
  "refuse_extension",
  "extend_deadline",
  "withdraw",
] as const;

/** The value of the agenda item (and meeting) choice that asks for a new TOP (or meeting). */
export const NEW_AGENDA_ITEM = "neu";
export const NEW_MEETING = "neu";

// Conform turns an empty field into undefined: the `message` of each type covers "missing" as well.
const requiredText = (max = TEXT_MAX) =>
  z.string({ message: t.required }).trim().min(1, t.required).max(max, t.tooLong(max));
const optionalText = (max = TEXT_MAX) =>
  z
    .string()
    .trim()
    .max(max, t.tooLong(max))
    .optional()
    .transform((v) => (v ? v : null));
const uuid = (message: string) => z.string({ message }).uuid(message);
const isoDate = z.string({ message: t.invalidDate }).trim().refine(isIsoDate, t.invalidDate);
const optionalString = z
  .string()
  .optional()
  .transform((v) => v ?? "");

const agendaFields = {
  meetingId: z
    .string({ message: t.chooseMeeting })
    .refine((v) => v === NEW_MEETING || z.string().uuid().safeParse(v).success, t.chooseMeeting),
  newMeetingOrganizationId: optionalString,
  newMeetingDate: optionalString.transform((v) => v.trim()),
  agendaItemId: z
    .string({ message: t.chooseAgendaItem })
    .refine((v) => v === NEW_AGENDA_ITEM || z.string().uuid().safeParse(v).success, t.chooseAgendaItem),
  newItemNumber: optionalText(20),
  newItemTitle: optionalText(SHORT_MAX),
  roleLabel: optionalText(60),
};

export const workflowFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept") }),
  z.object({ intent: z.literal("start_answering") }),
  z.object({
    intent: z.literal("declare_inadmissible"),
    reason: requiredText(),
    // A checkbox: posted as "on" when ticked, absent otherwise. The note it requires is checked below.
    hideQuestionText: z
      .string()
      .optional()
      .transform((v) => v === "on"),
    questionTextHiddenReason: optionalText(),
  }),
  z.object({
    intent: z.literal("assign"),
    leadOrganizationId: uuid(t.chooseLead),
    contributorIds: z.array(uuid(t.unknownOrganization)).max(50),
  }),
  z.object({ intent: z.literal("change_contributors"), contributorIds: z.array(uuid(t.unknownOrganization)).max(50) }),
  z.object({
    intent: z.literal("link_agenda"),
    ...agendaFields,
    purpose: z.enum(AGENDA_PURPOSES, { message: t.choosePurpose }),
  }),
  z.object({ intent: z.literal("put_on_agenda"), ...agendaFields }),
  z.object({
    intent: z.literal("decide"),
    decision: z.enum(MOTION_DECISIONS, { message: t.chooseDecision }),
    meetingId: uuid(t.chooseDecisionMeeting),
    note: optionalText(),
  }),
  z.object({
    intent: z.literal("change_visibility"),
    visibility: z.enum(["public", "internal"], { message: t.chooseVisibility }),
    reason: requiredText(),
  }),
  z.object({
    intent: z.literal("hide_question_text"),
    questionTextHiddenReason: z
      .string({ message: t.questionTextHiddenReasonRequired })
      .trim()
      .min(1, t.questionTextHiddenReasonRequired)
      .max(TEXT_MAX, t.tooLong(TEXT_MAX)),
  }),
  z.object({ intent: z.literal("show_question_text"), reason: requiredText() }),
  z.object({ intent: z.literal("request_extension"), newDueOn: isoDate, reason: requiredText() }),
  z.object({
    intent: z.literal("grant_extension"),
    requestId: uuid(t.noPendingRequest),
    newDueOn: isoDate,
    reason: requiredText(),
  }),
  z.object({ intent: z.literal("refuse_extension"), requestId: uuid(t.noPendingRequest), note: requiredText() }),
  z.object({ intent: z.literal("extend_deadline"), newDueOn: isoDate, reason: requiredText() }),
  z.object({ intent: z.literal("withdraw"), publicNote: requiredText() }),
]);

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Partial<Record<WorkflowField, string>>;
/** Conform's reply to the form: the user's input and the messages, rendered again by the page. */
export type FormReply = SubmissionResult<string[]>;

export type ParsedForm =
  | {
      ok: true;
      version: number;
      command: WorkflowCommand;
      values: FormValues;
      reply: (errors: FieldErrors) => FormReply;
    }
  | { ok: false; intent: string; values: FormValues; errors: FieldErrors; reply: (errors?: FieldErrors) => FormReply };

/** How long each posted value may be (longer ones are cut before anything else reads them). */
const LIMITS: Record<string, number> = {
  intent: 40,
  version: 12,
  reason: TEXT_MAX + 1,
  leadOrganizationId: 40,
  contributorIds: 40,
  meetingId: 40,
  newMeetingOrganizationId: 40,
  newMeetingDate: 20,
  agendaItemId: 40,
  newItemNumber: 21,
  newItemTitle: SHORT_MAX + 1,
  purpose: 20,
  roleLabel: 61,
  decision: 20,
  note: TEXT_MAX + 1,
  visibility: 20,
  newDueOn: 20,
  requestId: 40,
  publicNote: TEXT_MAX + 1,
  hideQuestionText: 3,
  questionTextHiddenReason: TEXT_MAX + 1,
};

/** Only the known fields, each cut to a bound length, at most 51 contributors: huge posts cost nothing further. */
function bounded(form: FormData): FormData {
  const out = new FormData();
  for (const [name, max] of Object.entries(LIMITS)) {
    const all = form.getAll(name).filter((v): v is string => typeof v === "string");
    for (const v of all.slice(0, name === "contributorIds" ? 51 : 1)) out.append(name, v.slice(0, max));
  }
  return out;
}

/** The messages in Conform's shape: `form` is the form-level one. */
function toConformErrors(errors: FieldErrors): { formErrors?: string[]; fieldErrors: Record<string, string[]> } {
  const { form: formError, ...fields } = errors;
  return { formErrors: formError ? [formError] : undefined, fieldErrors: fieldErrorsOf(fields) };
}

/** Reads the posted form into one WorkflowCommand, or German messages per field with the input kept. */
export function readWorkflowForm(posted: FormData): ParsedForm {
  const form = bounded(posted);
  const intent = String(form.get("intent") ?? "");
  const version = Number(form.get("version") ?? "");
  const values = Object.fromEntries(
    [...new Set(form.keys())].map((k) => [
      k,
      k === "contributorIds" ? form.getAll(k).map(String) : String(form.get(k)),
    ]),
  ) as FormValues;
  const refuse = (errors: FieldErrors): ParsedForm => ({
    ok: false,
    intent,
    values,
    errors,
    reply: (more) => replyWithErrors(form, { ...errors, ...more }),
  });
  if (!(INTENTS as readonly string[]).includes(intent)) return refuse({ form: t.unknownIntent });
  if (!Number.isSafeInteger(version) || version < 1) return refuse({ form: t.invalidVersion });

  const submission = parseWithZod(form, { schema: workflowFormSchema });
  if (submission.status !== "success") {
    const errors: FieldErrors = {};
    for (const [name, messages] of Object.entries(submission.error ?? {})) {
      const field = (name.replace(/\[\d+\].*$/, "") || "form") as WorkflowField;
      if (messages?.[0]) errors[field] ??= messages[0];
    }
    return {
      ok: false,
      intent,
      values,
      errors,
      reply: (more) => submission.reply(more ? toConformErrors(more) : undefined),
    };
  }
  const data = submission.value;
  const reply = (errors: FieldErrors) => submission.reply(toConformErrors(errors));
  let command: WorkflowCommand;
  if (data.intent === "link_agenda" || data.intent === "put_on_agenda") {
    const newItem = data.agendaItemId === NEW_AGENDA_ITEM;
    const newMeeting = data.meetingId === NEW_MEETING;
    const errors: FieldErrors = {};
    if (newItem && !data.newItemNumber) errors.newItemNumber = t.required;
    if (newItem && !data.newItemTitle) errors.newItemTitle = t.required;
    // A new meeting has no agenda items yet: its TOP is new as well.
    if (newMeeting && !newItem) errors.agendaItemId = t.chooseAgendaItem;
    if (newMeeting && !z.string().uuid().safeParse(data.newMeetingOrganizationId).success)
      errors.newMeetingOrganizationId = t.unknownOrgan;
    if (newMeeting && !isIsoDate(data.newMeetingDate)) errors.newMeetingDate = t.invalidDate;
    if (Object.keys(errors).length)
      return { ok: false, intent, values, errors, reply: (more) => reply({ ...errors, ...more }) };
    const { newMeetingOrganizationId, newMeetingDate, ...rest } = data;
    command = {
      ...rest,
      meetingId: newMeeting ? null : data.meetingId,
      newMeeting: newMeeting ? { organizationId: newMeetingOrganizationId, date: newMeetingDate } : null,
      agendaItemId: newItem ? null : data.agendaItemId,
    };
  } else if (data.intent === "declare_inadmissible") {
    if (data.hideQuestionText && !data.questionTextHiddenReason) {
      const errors: FieldErrors = { questionTextHiddenReason: t.questionTextHiddenReasonRequired };
      return { ok: false, intent, values, errors, reply: (more) => reply({ ...errors, ...more }) };
    }
    command = {
      intent: data.intent,
      reason: data.reason,
      questionTextHiddenReason: data.hideQuestionText ? data.questionTextHiddenReason : null,
    };
  } else {
    command = data;
  }
  return { ok: true, version, command, values, reply };
}
