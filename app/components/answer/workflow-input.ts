/**
 * What the answer page's workflow forms post (sign-off, publication with Beratungsfolge, correction, holding),
 * read on the server with Conform's parseWithZod. A signature needs the confirmation box ticked; that message
 * belongs to the field, every other failure means the form arrived incomplete.
 */
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import type { BeratungsfolgeRow } from "~/domain/beratungsfolge";
import { answerText as t } from "~/domain/texts/answer";

export const WORKFLOW_INTENTS = [
  "send_to_sign_off",
  "sign",
  "return",
  "publish",
  "start_correction",
  "publish_correction",
  "sign_correction",
  "holding_answer",
] as const;

export type WorkflowIntent = (typeof WORKFLOW_INTENTS)[number];
/** Conform's reply to the workflow form of one intent, or null when the last post was another form's. */
export type WorkflowReplyFor = (intent: WorkflowIntent) => SubmissionResult<string[]> | null;

export const Workflow = z.object({
  intent: z.enum(WORKFLOW_INTENTS),
  version: z.coerce.number().int().min(1).max(2_000_000_000),
  stepId: z.string().uuid().optional(),
  contentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  confirm: z.literal("on").optional(),
  comment: z.string().max(5000).optional(),
  documentReference: z.string().max(1000).optional(),
  documentDate: z.string().max(20).optional(),
  correctionNote: z.string().max(5000).optional(),
  holdingMessage: z.string().max(5000).optional(),
  holdingExpectedOn: z.string().max(20).optional(),
});

/** The field whose message the user can act on; any other refused field means a malformed post. */
export const CONFIRM_FIELD = "confirm";

export const AnswerWorkflowForm = Workflow.superRefine((value, ctx) => {
  if ((value.intent === "sign" || value.intent === "sign_correction") && !value.confirm)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [CONFIRM_FIELD], message: t.signConfirmMissing });
});

/** Far above BERATUNGSFOLGE_ROWS_MAX, so that too many rows reach validation and get its message. */
const ROWS_PARSE_CAP = 50;

/**
 * The Beratungsfolge rows of the publication form, `beratungsfolge-<i>-meeting|organ|date|role` in the order
 * shown (each value cut to a sane length; what it means is checked by the server command).
 */
export function beratungsfolgeRows(raw: Record<string, string>): BeratungsfolgeRow[] {
  const rows: BeratungsfolgeRow[] = [];
  const get = (key: string, max: number) => (raw[key] ?? "").slice(0, max);
  for (let i = 0; i < ROWS_PARSE_CAP && `beratungsfolge-${i}-meeting` in raw; i += 1) {
    rows.push({
      meeting: get(`beratungsfolge-${i}-meeting`, 40),
      organId: get(`beratungsfolge-${i}-organ`, 40),
      date: get(`beratungsfolge-${i}-date`, 20),
      roleLabel: get(`beratungsfolge-${i}-role`, 100),
    });
  }
  return rows;
}

/** How many Beratungsfolge rows the publication form shows: the posted ones (one more after "add"), at least one. */
export function beratungsfolgeRowCount(values: Record<string, string>): number {
  const posted = beratungsfolgeRows(values).length;
  return Math.max(1, posted + (values.addBeratungsfolge ? 1 : 0));
}
