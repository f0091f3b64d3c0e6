/**
 * What the answer page's workflow forms post (sign-off, publication with Beratungsfolge, correction, holding),
 * read on the server with Conform's parseWithZod. A signature needs the confirmation box ticked; that message
 * belongs to the field, every other failure means the form arrived incomplete.
 */
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
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
  beratungsfolgeMeetingId: z.string().max(40).optional(),
  beratungsfolgeOrganId: z.string().max(40).optional(),
  beratungsfolgeDate: z.string().max(20).optional(),
  beratungsfolgeRole: z.string().max(100).optional(),
});

/** The field whose message the user can act on; any other refused field means a malformed post. */
export const CONFIRM_FIELD = "confirm";

export const AnswerWorkflowForm = Workflow.superRefine((value, ctx) => {
  if ((value.intent === "sign" || value.intent === "sign_correction") && !value.confirm)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [CONFIRM_FIELD], message: t.signConfirmMissing });
});
